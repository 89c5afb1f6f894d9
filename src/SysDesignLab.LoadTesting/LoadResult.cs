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
    IReadOnlyList<LoadSample> Samples)
{
    /// <summary>The generator's own CPU use over the measured part, in percent of all cores.</summary>
    public double CpuPercent { get; init; }

    /// <summary>The generator was busy enough (&gt; 85%) that it may have limited the load: numbers are suspect.</summary>
    public bool CpuWarning => CpuPercent > CpuMeter.SuspectPercent;

    /// <summary>The latencies behind <see cref="LatencyMs"/>, encoded (see <see cref="HistogramCodec"/>); null when none.</summary>
    public string? LatencyHistogram { get; init; }

    /// <summary>The same totals per endpoint, in profile order, a session's login last.</summary>
    public IReadOnlyList<EndpointResult> Endpoints { get; init; } = [];

    /// <summary>Open-model figures; null for a closed-model run.</summary>
    public OpenModelResult? Open { get; init; }
}
