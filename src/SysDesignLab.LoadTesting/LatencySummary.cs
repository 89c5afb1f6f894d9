namespace SysDesignLab.LoadTesting;

/// <summary>
/// Latency distribution in milliseconds. Percentiles come from an HdrHistogram with 3 significant digits
/// (within 0.1%); <see cref="Max"/> and <see cref="Mean"/> are exact.
/// </summary>
public sealed record LatencySummary(double P50, double P95, double P99, double Max, double Mean)
{
    public static LatencySummary Zero { get; } = new(0, 0, 0, 0, 0);
}
