using SysDesignLab.LoadTesting;
using SysDesignLab.Progress;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>
/// The naive baseline as the progress store keeps it: every figure of the run, so a check that
/// reuses it reports the naive p50, p99 and failures too, not only the four it is judged by.
/// </summary>
public static class StoredBaseline
{
    public static Baseline Keep(string scenarioId, string hash, LoadFigures measured, DateTimeOffset at) =>
        new(scenarioId, hash, measured.Goodput, measured.Rps, measured.LatencyMs.P95, measured.SuccessRate, at)
        {
            Requests = measured.Requests,
            FailedRequests = measured.Errors.Total,
            P50Ms = measured.LatencyMs.P50,
            P99Ms = measured.LatencyMs.P99,
            MaxMs = measured.LatencyMs.Max,
            Errors = new BaselineErrors(measured.Errors.Connect, measured.Errors.Timeout, measured.Errors.Reset,
                measured.Errors.ServerError, measured.Errors.ClientError, measured.Errors.WrongBody, measured.Errors.Other),
        };

    /// <summary>The figures back; one kept by an older sdlab has only the headline four, the rest read 0 ("not recorded").</summary>
    public static LoadFigures Figures(Baseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var e = baseline.Errors;
        return new LoadFigures(
            baseline.Requests ?? 0, baseline.SuccessRate, baseline.Rps, baseline.Goodput,
            new LatencyFigures(baseline.P50Ms ?? 0, baseline.P95Ms, baseline.P99Ms ?? 0, baseline.MaxMs ?? 0),
            e is null ? ErrorCounts.None : new ErrorCounts(e.Connect, e.Timeout, e.Reset, e.ServerError, e.ClientError, e.WrongBody, e.Other));
    }
}
