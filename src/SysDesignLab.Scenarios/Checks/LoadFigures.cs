using SysDesignLab.LoadTesting;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>The headline numbers of one load run, as written to the check's JSON.</summary>
public sealed record LoadFigures(long Requests, double SuccessRate, double Rps, double Goodput, LatencyFigures LatencyMs, ErrorCounts Errors)
{
    public static LoadFigures From(LoadResult result) => new(
        result.Requests,
        Math.Round(result.SuccessRate, 4),
        Math.Round(result.Rps, 1),
        Math.Round(result.Goodput, 1),
        new LatencyFigures(
            Math.Round(result.LatencyMs.P50, 2),
            Math.Round(result.LatencyMs.P95, 2),
            Math.Round(result.LatencyMs.P99, 2),
            Math.Round(result.LatencyMs.Max, 2)),
        result.Errors);
}

public sealed record LatencyFigures(double P50, double P95, double P99, double Max);
