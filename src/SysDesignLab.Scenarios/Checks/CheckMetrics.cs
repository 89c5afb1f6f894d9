using SysDesignLab.LoadTesting;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>The measured values criteria compare against; a metric that could not be measured is absent.</summary>
public static class CheckMetrics
{
    /// <summary>
    /// The naive app's successful req/s is counted as at least this much: a naive app that served
    /// nothing would make any ratio infinite, and "≥ 10× of nothing" says nothing.
    /// </summary>
    public const double BaselineGoodputFloor = 1.0;

    /// <summary>The naive app's measured successful req/s, kept beside the ratio so its wording can tell the floor.</summary>
    public const string BaselineGoodput = "baselineGoodput";

    public static Dictionary<string, double> From(LoadResult load, LoadFigures? baseline, IReadOnlyDictionary<string, double>? serverFigures)
    {
        // The load's own figures under the same names `sdlab load --threshold` uses.
        var metrics = LoadMetrics.From(load);
        if (baseline is not null)
        {
            metrics[BaselineGoodput] = baseline.Goodput;
            metrics["goodputVsBaseline"] = load.Goodput / Math.Max(baseline.Goodput, BaselineGoodputFloor);
            metrics["p95VsBaseline"] = baseline.LatencyMs.P95 / Math.Max(load.LatencyMs.P95, 0.001);
        }
        foreach (var (name, value) in serverFigures ?? new Dictionary<string, double>())
        {
            metrics[name] = value;
        }
        return metrics;
    }
}
