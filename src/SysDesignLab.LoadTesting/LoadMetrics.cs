using System.Globalization;

namespace SysDesignLab.LoadTesting;

/// <summary>
/// A run's figures by name, the vocabulary of <see cref="Threshold"/>s. Keys match the scenario checks'
/// (successRate, rps, goodput, p95Ms, …); open-model keys are present only for open runs. Each endpoint's
/// figures are also there as <c>metric{endpoint}</c>, e.g. <c>p95Ms{write}</c>.
/// </summary>
public static class LoadMetrics
{
    // Each endpoint's figures, named as the run's totals are: the one list behind PerEndpoint and From.
    private static readonly (string Name, Func<EndpointResult, double> Value)[] EndpointFigures =
    [
        ("requests", e => e.Requests),
        ("successRate", e => e.SuccessRate),
        ("rps", e => e.Rps),
        ("goodput", e => e.Goodput),
        ("p50Ms", e => e.LatencyMs.P50),
        ("p95Ms", e => e.LatencyMs.P95),
        ("p99Ms", e => e.LatencyMs.P99),
        ("maxMs", e => e.LatencyMs.Max),
    ];

    /// <summary>The metrics measured for each endpoint on its own.</summary>
    public static readonly IReadOnlyList<string> PerEndpoint = [.. EndpointFigures.Select(f => f.Name)];

    /// <summary>The key of one endpoint's figure, e.g. <c>p95Ms{write}</c>.</summary>
    public static string ForEndpoint(string metric, string endpoint) => $"{metric}{{{endpoint}}}";

    /// <summary>The metric a key names without its endpoint: <c>p95Ms{write}</c> → <c>p95Ms</c>.</summary>
    public static string BaseName(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var brace = key.IndexOf('{', StringComparison.Ordinal);
        return brace < 0 ? key : key[..brace];
    }

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

        foreach (var endpoint in result.Endpoints)
        {
            foreach (var (name, value) in EndpointFigures)
            {
                metrics[ForEndpoint(name, endpoint.Name)] = value(endpoint);
            }
        }

        return metrics;
    }

    /// <summary>A value in the metric's unit, the way a person reads it (ms, %, req/s).</summary>
    public static string Format(string metric, double value) => BaseName(metric) switch
    {
        "successRate" or "errorRate" => (value * 100).ToString("0.###", CultureInfo.InvariantCulture) + "%",
        "rps" or "goodput" or "achievedRate" => value.ToString("0.0", CultureInfo.InvariantCulture) + " req/s",
        "cpuPercent" => value.ToString("0.0", CultureInfo.InvariantCulture) + "%",
        var name when name.EndsWith("Ms", StringComparison.Ordinal) => value.ToString("0.###", CultureInfo.InvariantCulture) + " ms",
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
