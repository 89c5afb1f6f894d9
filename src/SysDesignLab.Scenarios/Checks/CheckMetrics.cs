using SysDesignLab.LoadTesting;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>The measured values criteria compare against; a metric that could not be measured is absent.</summary>
public static class CheckMetrics
{
    public static Dictionary<string, double> From(LoadResult load, LoadFigures? baseline, IReadOnlyDictionary<string, double>? serverFigures)
    {
        // The load's own figures under the same names `sdlab load --threshold` uses.
        var metrics = LoadMetrics.From(load);
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
