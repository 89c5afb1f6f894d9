using SysDesignLab.Progress;

namespace SysDesignLab.Scenarios.Lab;

/// <summary>What the learner expected beside what the lab measured, in one sentence.</summary>
public static class PredictionComparison
{
    /// <summary>"You expected 95% success, p95 200 ms; measured 0.0% success, every request timed out at 5 s."</summary>
    public static string Describe(Prediction prediction, RecordedFigures measured, TimeSpan? requestTimeout = null)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(measured);
        return $"{Expected(prediction)}; measured {Measured(measured, requestTimeout)}.";
    }

    /// <summary>"You expected 95% success, p95 200 ms".</summary>
    public static string Expected(Prediction prediction) =>
        $"You expected {PredictionInput.Percent(prediction.SuccessRate)} success, p95 {PredictionInput.Latency(prediction.P95Ms)}";

    public static string Measured(RecordedFigures measured, TimeSpan? requestTimeout = null)
    {
        var success = $"{measured.SuccessRate * 100:0.0}% success";
        var errors = measured.Errors;
        // When nothing succeeded the p95 is the timeout itself: the cause says more than the number.
        if (measured.SuccessRate == 0 && errors is { Total: > 0 } && errors.Timeout == errors.Total)
        {
            var at = requestTimeout is { } t ? $" at {PredictionInput.Latency(t.TotalMilliseconds)}" : "";
            return $"{success}, every request timed out{at}";
        }
        var failed = measured.FailedRequests is > 0 ? $", {measured.FailedRequests:#,0} failed requests" : "";
        return $"{success}, p95 {PredictionInput.Latency(measured.P95Ms)}, {measured.Goodput:0.0} successful req/s{failed}";
    }
}
