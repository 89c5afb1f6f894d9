using SysDesignLab.Orchestration.Redis;
using SysDesignLab.Scenarios.Engine;

namespace SysDesignLab.Scenarios.Kinds.Redis;

/// <summary>
/// What the cache did during the run, from Redis's own INFO counters (reset with CONFIG RESETSTAT
/// just before the load): lookups that hit and missed, keys evicted, and memory in use at the end.
/// </summary>
public sealed class RedisMetricSource : IMetricSource
{
    public string ResourceKind => "redis";

    public IReadOnlyList<MetricInfo> Metrics { get; } =
    [
        new("cacheHitRatio", "share of cache lookups that found their key (keyspace hits / lookups)", MetricFormat.Percent),
        new("cacheHits", "cache lookups that found their key", MetricFormat.Count, "hits"),
        new("cacheMisses", "cache lookups that found nothing", MetricFormat.Count, "misses"),
        new("cacheEvictedKeys", "keys Redis evicted to stay under maxmemory", MetricFormat.Count, "keys"),
        new("cacheMemoryBytes", "memory Redis used at the end of the run", MetricFormat.Bytes),
        new("cacheMaxMemoryBytes", "the memory Redis may use (maxmemory)", MetricFormat.Bytes),
        new("cacheRejectedWrites", "commands Redis refused because its memory was full (OOM)", MetricFormat.Count, "commands"),
        new("cacheEvicts", "1 when a full Redis evicts keys to make room (maxmemory-policy is not noeviction), 0 when it refuses writes", MetricFormat.Number),
    ];

    public async Task<IMetricWindow> StartAsync(ResourceBinding binding, RunContext run, CancellationToken cancellationToken)
    {
        var server = run.Part<RedisServer>(binding.Name)
            ?? throw new InvalidOperationException($"The run has no Redis server for '{binding.Name}'.");
        var stats = new RedisStats(server);
        await stats.ResetAsync(cancellationToken);
        return new Window(stats);
    }

    private sealed class Window(RedisStats stats) : IMetricWindow
    {
        private RedisFigures? _figures;

        // Read while the apps still run: the server is the run's own and stops with them.
        public async Task LoadEndedAsync(CancellationToken cancellationToken) => _figures = await stats.ReadAsync(cancellationToken);

        public async Task<IReadOnlyDictionary<string, double>> FinishAsync(long requests, CancellationToken cancellationToken)
        {
            await stats.DisposeAsync();
            if (_figures is not { } f)
            {
                return new Dictionary<string, double>();
            }
            var figures = new Dictionary<string, double>
            {
                ["cacheHits"] = f.Hits,
                ["cacheMisses"] = f.Misses,
                ["cacheEvictedKeys"] = f.EvictedKeys,
                ["cacheMemoryBytes"] = f.UsedMemoryBytes,
                ["cacheMaxMemoryBytes"] = f.MaxMemoryBytes,
                ["cacheRejectedWrites"] = f.RejectedWrites,
                ["cacheEvicts"] = f.Evicts ? 1 : 0,
            };
            if (f.HitRatio is { } ratio)
            {
                figures["cacheHitRatio"] = ratio;
            }
            return figures;
        }
    }
}
