using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Scenarios.Engine;

namespace SysDesignLab.Scenarios.Kinds.PostgresReplica;

/// <summary>
/// What the replica did: rows its queries read per request (the reads it took off the primary,
/// pg_stat_database on the replica) and how far behind it was when the load ended (pg_stat_replication).
/// </summary>
public sealed class PostgresReplicaMetricSource : IMetricSource
{
    public string ResourceKind => "postgres-replica";

    public IReadOnlyList<MetricInfo> Metrics { get; } =
    [
        new("replicaRowsPerRequest", "rows the replica's queries read per request", MetricFormat.Count, "rows"),
        new("replicaLagMs", "how far the replica's replay was behind the primary when the load ended", MetricFormat.Milliseconds),
    ];

    public async Task<IMetricWindow> StartAsync(ResourceBinding binding, RunContext run, CancellationToken cancellationToken)
    {
        var replica = run.Part<Orchestration.Postgres.PostgresReplica>(binding.Name)
            ?? throw new InvalidOperationException($"The run has no replica for '{binding.Name}'.");
        var database = run.Part<PostgresDatabase>(binding.Spec.Settings[PostgresReplicaKind.PrimarySetting])!.DatabaseName;
        return new Window(replica, database, await ReplicationStatus.ReadAsync(replica, database, cancellationToken));
    }

    private sealed class Window(Orchestration.Postgres.PostgresReplica replica, string database, ReplicationStatus before) : IMetricWindow
    {
        private ReplicationStatus? _atEnd;

        public async Task LoadEndedAsync(CancellationToken cancellationToken) => _atEnd = await ReplicationStatus.ReadAsync(replica, database, cancellationToken);

        public async Task<IReadOnlyDictionary<string, double>> FinishAsync(long requests, CancellationToken cancellationToken)
        {
            // The app's sessions on the replica have ended: their counters are flushed now.
            var after = await ReplicationStatus.ReadAsync(replica, database, cancellationToken);
            var figures = new Dictionary<string, double>
            {
                ["replicaRowsPerRequest"] = (after.ReplicaRowsReturned - before.ReplicaRowsReturned) / (double)Math.Max(requests, 1),
            };
            if (_atEnd?.ReplayLag is { } lag)
            {
                figures["replicaLagMs"] = lag.TotalMilliseconds;
            }
            return figures;
        }
    }
}
