using SysDesignLab.LoadTesting;
using SysDesignLab.Progress;
using SysDesignLab.Scenarios.Checks;

namespace SysDesignLab.Scenarios.Lab;

/// <summary>
/// Keeps the naive baseline whole. The check runner stores and reuses a baseline by its headline
/// figures; after a check this completes the stored row with every figure the check measured, and
/// gives a check that reused a complete row all of its figures back (so no report says "not
/// measured" for a p50 the lab has).
/// </summary>
public static class BaselineRecords
{
    public static Baseline Full(Baseline stored, LoadFigures measured) => stored with
    {
        Requests = measured.Requests,
        FailedRequests = measured.Errors.Total,
        P50Ms = measured.LatencyMs.P50,
        P99Ms = measured.LatencyMs.P99,
        MaxMs = measured.LatencyMs.Max,
        Errors = new BaselineErrors(measured.Errors.Connect, measured.Errors.Timeout, measured.Errors.Reset,
            measured.Errors.ServerError, measured.Errors.ClientError, measured.Errors.WrongBody, measured.Errors.Other),
    };

    public static LoadFigures ToFigures(Baseline baseline)
    {
        var e = baseline.Errors;
        return new LoadFigures(
            baseline.Requests ?? 0, baseline.SuccessRate, baseline.Rps, baseline.Goodput,
            new LatencyFigures(baseline.P50Ms ?? 0, baseline.P95Ms, baseline.P99Ms ?? 0, baseline.MaxMs ?? 0),
            e is null ? ErrorCounts.None : new ErrorCounts(e.Connect, e.Timeout, e.Reset, e.ServerError, e.ClientError, e.WrongBody, e.Other));
    }

    /// <summary>The report with its baseline completed from the store, and the store completed from the report.</summary>
    public static CheckReport Complete(ProgressStore store, string scenarioId, CheckReport report)
    {
        if (report.Baseline is not { } used || Matching(store, scenarioId, used) is not { } stored)
        {
            return report;
        }
        if (used.Requests > 0)
        {
            if (!stored.IsComplete)
            {
                store.SaveBaseline(Full(stored, used));
            }
            return report;
        }
        return stored.IsComplete ? report with { Baseline = ToFigures(stored) } : report;
    }

    /// <summary>The stored baseline a check used: the runner keeps and reads back exactly these four figures.</summary>
    public static Baseline? Matching(ProgressStore store, string scenarioId, LoadFigures used) =>
        store.GetBaselines(scenarioId).FirstOrDefault(b =>
            b.Goodput.Equals(used.Goodput) && b.Rps.Equals(used.Rps) && b.P95Ms.Equals(used.LatencyMs.P95) && b.SuccessRate.Equals(used.SuccessRate));
}
