using System.Globalization;

namespace SysDesignLab.LoadTesting;

/// <summary>
/// A run's figures by name, the vocabulary of <see cref="Threshold"/>s. Keys match the scenario checks'
/// (successRate, rps, goodput, p95Ms, …); open-model keys are present only for open runs.
/// </summary>
public static class LoadMetrics
{
    public static Dictionary<string, double> From(LoadResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var metrics = new Dictionary<string, double>
        {
            ["requests"] = result.Requests,
            ["successRate"] = result.SuccessRate,
            ["errorRate"] = result.Requests == 0 ? 0 : 1 - result.SuccessRate,
            ["rps"] = result.Rps,
            ["goodput"] = result.Goodput,
            ["p50Ms"] = result.LatencyMs.P50,
            ["p95Ms"] = result.LatencyMs.P95,
            ["p99Ms"] = result.LatencyMs.P99,
            ["maxMs"] = result.LatencyMs.Max,
            ["meanMs"] = result.LatencyMs.Mean,
            ["cpuPercent"] = result.CpuPercent,
        };
        if (result.Open is { } open)
        {
            metrics["achievedRate"] = open.AchievedRate;
            metrics["lateStarts"] = open.LateStarts;
            metrics["dropped"] = open.Dropped;
            metrics["uncorrectedP50Ms"] = open.UncorrectedLatencyMs.P50;
            metrics["uncorrectedP95Ms"] = open.UncorrectedLatencyMs.P95;
            metrics["uncorrectedP99Ms"] = open.UncorrectedLatencyMs.P99;
            metrics["uncorrectedMaxMs"] = open.UncorrectedLatencyMs.Max;
        }

        return metrics;
    }

    /// <summary>A value in the metric's unit, the way a person reads it (ms, %, req/s).</summary>
    public static string Format(string metric, double value) => metric switch
    {
        "successRate" or "errorRate" => (value * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%",
        "rps" or "goodput" or "achievedRate" => value.ToString("0.0", CultureInfo.InvariantCulture) + " req/s",
        "cpuPercent" => value.ToString("0.0", CultureInfo.InvariantCulture) + "%",
        _ when metric.EndsWith("Ms", StringComparison.Ordinal) => value.ToString("0.###", CultureInfo.InvariantCulture) + " ms",
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
