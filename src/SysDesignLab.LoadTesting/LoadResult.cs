namespace SysDesignLab.LoadTesting;

/// <summary>
/// Totals of the measured part of a run (warm-up excluded). Rates are per second of <see cref="Measured"/>.
/// </summary>
/// <param name="SuccessRate">Succeeded / Requests, or 0 when there were no requests.</param>
/// <param name="Goodput">Successful requests per second.</param>
/// <param name="LatencyMs">Latency of every completed request, failed ones included.</param>
/// <param name="Measured">Wall-clock length of the measured part (shorter than the profile's duration when cancelled).</param>
/// <param name="Samples">Every per-interval sample, warm-up ones included, in order.</param>
public sealed record LoadResult(
    long Requests,
    long Succeeded,
    double SuccessRate,
    double Rps,
    double Goodput,
    LatencySummary LatencyMs,
    ErrorCounts Errors,
    TimeSpan Measured,
    IReadOnlyList<LoadSample> Samples);
