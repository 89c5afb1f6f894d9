using SysDesignLab.LoadTesting;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>The measured values criteria compare against; a metric that could not be measured is absent.</summary>
public static class CheckMetrics
{
    public static Dictionary<string, double> From(LoadResult load, LoadFigures? baseline, IReadOnlyDictionary<string, double>? serverFigures)
    {
        var metrics = new Dictionary<string, double>
        {
            ["successRate"] = load.SuccessRate,
            ["rps"] = load.Rps,
            ["goodput"] = load.Goodput,
            ["p50Ms"] = load.LatencyMs.P50,
            ["p95Ms"] = load.LatencyMs.P95,
            ["p99Ms"] = load.LatencyMs.P99,
            ["maxMs"] = load.LatencyMs.Max,
        };
        if (baseline is not null)
        {
            // A naive app that served nothing would make any ratio infinite; one success per
            // second is the floor, so the ratio stays a number a learner can read.
            metrics["goodputVsBaseline"] = load.Goodput / Math.Max(baseline.Goodput, 1.0);
            metrics["p95VsBaseline"] = baseline.LatencyMs.P95 / Math.Max(load.LatencyMs.P95, 0.001);
        }
        foreach (var (name, value) in serverFigures ?? new Dictionary<string, double>())
        {
            metrics[name] = value;
        }
        return metrics;
    }
}
