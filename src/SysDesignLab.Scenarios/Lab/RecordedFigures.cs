using SysDesignLab.LoadTesting;
using SysDesignLab.Progress;
using SysDesignLab.Scenarios.Checks;

namespace SysDesignLab.Scenarios.Lab;

/// <summary>
/// One run's figures as the records show them: goodput (successful req/s) and failed requests apart
/// from req/s, which counts failures too. A null figure was not recorded (a baseline kept by an older
/// sdlab), which is not the same as not measured.
/// </summary>
public sealed record RecordedFigures(
    long? Requests,
    long? FailedRequests,
    double SuccessRate,
    double Rps,
    double Goodput,
    double? P50Ms,
    double P95Ms,
    double? P99Ms,
    double? MaxMs,
    ErrorCounts? Errors)
{
    /// <summary>A check's figures. A baseline a check reused from an older record has no request count: its other figures were not kept.</summary>
    public static RecordedFigures From(LoadFigures figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        var kept = figures.Requests > 0;
        return new RecordedFigures(
            kept ? figures.Requests : null,
            kept ? figures.Errors.Total : null,
            figures.SuccessRate, figures.Rps, figures.Goodput,
            kept ? figures.LatencyMs.P50 : null, figures.LatencyMs.P95,
            kept ? figures.LatencyMs.P99 : null, kept ? figures.LatencyMs.Max : null,
            kept ? figures.Errors : null);
    }

    public static RecordedFigures From(Baseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        return new RecordedFigures(baseline.Requests, baseline.FailedRequests, baseline.SuccessRate, baseline.Rps,
            baseline.Goodput, baseline.P50Ms, baseline.P95Ms, baseline.P99Ms, baseline.MaxMs,
            baseline.Errors is { } e ? new ErrorCounts(e.Connect, e.Timeout, e.Reset, e.ServerError, e.ClientError, e.WrongBody, e.Other) : null);
    }

    public static RecordedFigures From(LoadResult result) => From(LoadFigures.From(result));
}
