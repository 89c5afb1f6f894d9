namespace SysDesignLab.LoadTesting;

/// <summary>
/// Statistics of one sampling interval (normally one second) of a run.
/// </summary>
/// <param name="Second">1-based index of the interval since the run started; warm-up intervals come first.</param>
/// <param name="WarmUp">True when the interval belongs to the warm-up, which the run's totals exclude.</param>
/// <param name="Rps">Requests completed in the interval divided by its measured length.</param>
public sealed record LoadSample(
    int Second,
    bool WarmUp,
    long Requests,
    long Succeeded,
    double Rps,
    double SuccessRate,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    ErrorCounts Errors)
{
    /// <summary>The generator's own CPU use during the interval, in percent of all cores.</summary>
    public double CpuPercent { get; init; }

    public bool CpuWarning => CpuPercent > CpuMeter.SuspectPercent;

    /// <summary>Open model: requests of this interval sent more than 1 ms after their intended time.</summary>
    public long LateStarts { get; init; }

    /// <summary>Latency of the whole measured part so far, this interval included; null during the warm-up.
    /// Percentiles cannot be merged from per-second percentiles, so the run computes them for live views.</summary>
    public LatencySummary? Cumulative { get; init; }
}
