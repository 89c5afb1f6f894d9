namespace SysDesignLab.Scenarios.Engine;

/// <summary>
/// Every metric a criterion may name: the load's own figures, the ratios to the naive baseline,
/// and those each registered <see cref="IMetricSource"/> declares. Criteria are validated against
/// it, and the report writes each value the way its entry says.
/// </summary>
public sealed class MetricCatalog
{
    /// <summary>Measured by the load generator and the baseline, for every scenario.</summary>
    public static readonly IReadOnlyList<MetricInfo> LoadMetrics =
    [
        new("successRate", "share of requests answered correctly in time", MetricFormat.Percent, PerEndpoint: true),
        new("rps", "requests per second, failures included", MetricFormat.PerSecond, PerEndpoint: true),
        new("goodput", "successful requests per second", MetricFormat.PerSecond, PerEndpoint: true),
        new("p50Ms", "median latency", MetricFormat.Milliseconds, PerEndpoint: true),
        new("p95Ms", "95th percentile latency", MetricFormat.Milliseconds, PerEndpoint: true),
        new("p99Ms", "99th percentile latency", MetricFormat.Milliseconds, PerEndpoint: true),
        new("maxMs", "slowest request", MetricFormat.Milliseconds, PerEndpoint: true),
        new("goodputVsBaseline", "successful req/s divided by the naive app's on this machine", MetricFormat.Ratio),
        new("p95VsBaseline", "the naive app's p95 divided by this app's", MetricFormat.Ratio),
    ];

    private readonly Dictionary<string, MetricInfo> _metrics = new(StringComparer.Ordinal);

    public MetricCatalog(IEnumerable<MetricInfo> metrics)
    {
        foreach (var metric in metrics)
        {
            if (!_metrics.TryAdd(metric.Name, metric))
            {
                throw new ArgumentException($"Two metric sources declare the metric '{metric.Name}'.", nameof(metrics));
            }
        }
    }

    public IReadOnlyCollection<string> Names => _metrics.Keys;

    public MetricInfo? Find(string name) => _metrics.GetValueOrDefault(name);

    public IEnumerable<string> PerEndpoint => _metrics.Values.Where(m => m.PerEndpoint).Select(m => m.Name);

    /// <summary>The value as a learner reads it; a metric the catalog does not know is written as a plain number.</summary>
    public string Write(string name, double value) =>
        Find(name)?.Write(value) ?? value.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
