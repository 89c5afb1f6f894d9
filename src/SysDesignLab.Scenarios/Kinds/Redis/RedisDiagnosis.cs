using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Redis;
using SysDesignLab.Scenarios.Diagnosis;

namespace SysDesignLab.Scenarios.Kinds.Redis;

/// <summary>
/// The run's Redis as it sees itself, once a second (INFO stats, memory, errorstats): lookups that
/// hit and missed this second, memory used against maxmemory, keys evicted and writes refused for
/// memory. Over a connection of the lab's own, so the panel shows the cache filling up, then
/// evicting (or refusing) while the load runs.
/// </summary>
public sealed class RedisDiagnosis : IDiagnosisSource
{
    public string ResourceKind => "redis";

    public Task<IDiagnosisProbe> OpenAsync(DiagnosisResource resource, CancellationToken cancellationToken)
    {
        var server = new RedisServer(resource.Name + resource.Suffix, resource.Paths);
        return server.AttachToRunning()
            ? Task.FromResult<IDiagnosisProbe>(new Probe(resource.Name, new RedisStats(server), resource.Time))
            : throw new LabException($"Redis '{resource.Name}' is not running.");
    }

    /// <summary>Figures for one sample: per-second rates from two readings <paramref name="seconds"/> apart (none for the first).</summary>
    internal static IReadOnlyList<DiagnosisFigure> Figures(RedisFigures now, RedisFigures? before, double seconds)
    {
        // Counters restart from zero when a check resets them (CONFIG RESETSTAT): a drop is a new start, not a negative rate.
        double? Rate(Func<RedisFigures, long> counter) => before is null
            ? null
            : Math.Round(Math.Max(0, counter(now) - (counter(now) < counter(before) ? 0 : counter(before))) / Math.Max(0.001, seconds), 1);
        var hits = Rate(f => f.Hits);
        var misses = Rate(f => f.Misses);
        double? ratio = hits + misses is > 0 ? Math.Round(100 * hits!.Value / (hits.Value + misses!.Value), 1) : null;
        double? usedShare = now.MaxMemoryBytes > 0 ? Math.Round(100.0 * now.UsedMemoryBytes / now.MaxMemoryBytes, 1) : null;
        return
        [
            new("hits/s", hits, "", "cache-hit-ratio", "Lookups (GET) that found their key in the last second: each one a page PostgreSQL did not have to build."),
            new("misses/s", misses, "", "cache-hit-ratio", "Lookups that found nothing in the last second: the app builds those pages from the database (and should store them)."),
            new("hit ratio", ratio, "%", "cache-hit-ratio", "Hits over lookups in the last second. Empty when the app looked nothing up."),
            new("memory used", Math.Round(now.UsedMemoryBytes / 1048576.0, 2), "MB", "maxmemory", "Memory Redis uses right now, its own bookkeeping included."),
            new("of maxmemory", usedShare, "%", "maxmemory", "Memory used as a share of maxmemory: at 100% Redis must evict keys, or refuse writes."),
            new("evicted keys/s", Rate(f => f.EvictedKeys), "", "eviction-policy", "Keys Redis dropped in the last second to stay under maxmemory (allkeys-lru and friends)."),
            new("refused writes/s", Rate(f => f.RejectedWrites), "", "eviction-policy", "Commands Redis refused in the last second because memory was full (OOM): what noeviction does."),
            new("keys", now.Keys, "", "cache-aside", "Keys in the cache right now."),
        ];
    }

    private sealed class Probe(string name, RedisStats stats, TimeProvider time) : IDiagnosisProbe
    {
        private (RedisFigures Figures, long At)? _last;

        public async Task<ResourceDiagnosis> SampleAsync(CancellationToken cancellationToken)
        {
            var figures = await stats.ReadAsync(cancellationToken);
            var at = time.GetTimestamp();
            var seconds = _last is { } last ? time.GetElapsedTime(last.At, at).TotalSeconds : 1;
            var shown = Figures(figures, _last?.Figures, seconds);
            _last = (figures, at);
            return new ResourceDiagnosis(name, "redis", shown);
        }

        public ValueTask DisposeAsync() => stats.DisposeAsync();
    }
}
