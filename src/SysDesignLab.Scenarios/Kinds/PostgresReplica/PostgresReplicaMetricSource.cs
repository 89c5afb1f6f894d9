using Npgsql;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Scenarios.Engine;

namespace SysDesignLab.Scenarios.Kinds.PostgresReplica;

/// <summary>
/// What the replica did: rows its queries read per request (the reads it took off the primary,
/// pg_stat_database on the replica), its share of all the rows both nodes read, and how far behind
/// it was when the load ended (pg_stat_replication).
/// </summary>
public sealed class PostgresReplicaMetricSource : IMetricSource
{
    public string ResourceKind => "postgres-replica";

    public IReadOnlyList<MetricInfo> Metrics { get; } =
    [
        new("replicaRowsPerRequest", "rows the replica's queries read per request", MetricFormat.Count, "rows"),
        new("replicaReadShare", "share of the rows read on both nodes that the replica read", MetricFormat.Percent),
        new("replicaLagMs", "how far the replica's replay was behind the primary when the load ended", MetricFormat.Milliseconds),
    ];

    public async Task<IMetricWindow> StartAsync(ResourceBinding binding, RunContext run, CancellationToken cancellationToken)
    {
        var replica = run.Part<Orchestration.Postgres.PostgresReplica>(binding.Name)
            ?? throw new InvalidOperationException($"The run has no replica for '{binding.Name}'.");
        var database = run.Part<PostgresDatabase>(binding.Spec.Settings[PostgresReplicaKind.PrimarySetting])!.DatabaseName;
        return new Window(replica, database, await ReplicationStatus.ReadAsync(replica, database, cancellationToken),
            await NodeRowsAsync(replica, database, cancellationToken));
    }

    /// <summary>Rows read (returned + fetched, as dbRowsPerRequest counts them) on the primary and on the replica.</summary>
    private static async Task<(long Primary, long Replica)> NodeRowsAsync(Orchestration.Postgres.PostgresReplica replica, string database, CancellationToken cancellationToken)
    {
        var primary = await DatabaseActivity.ReadAsync(replica.Primary, database, cancellationToken);
        await using var connection = new NpgsqlConnection(replica.ConnectionString("postgres", pooling: false, lab: true));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT tup_returned + tup_fetched FROM pg_stat_database WHERE datname = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        return (primary.RowsRead, await command.ExecuteScalarAsync(cancellationToken) as long? ?? 0);
    }

    /// <summary>
    /// Backends flush their statistics when they exit: waits (up to 15 s) until the app's sessions on
    /// the replica have ended, as the primary's source does on the primary.
    /// </summary>
    private static async Task WaitForNoReplicaBackendsAsync(Orchestration.Postgres.PostgresReplica replica, string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(replica.ConnectionString("postgres", pooling: false, lab: true));
        await connection.OpenAsync(cancellationToken);
        for (var attempt = 0; attempt < 150; attempt++)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = $1", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = database });
            if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    private sealed class Window(Orchestration.Postgres.PostgresReplica replica, string database, ReplicationStatus before, (long Primary, long Replica) rowsBefore) : IMetricWindow
    {
        private ReplicationStatus? _atEnd;

        public async Task LoadEndedAsync(CancellationToken cancellationToken) => _atEnd = await ReplicationStatus.ReadAsync(replica, database, cancellationToken);

        public async Task<IReadOnlyDictionary<string, double>> FinishAsync(long requests, CancellationToken cancellationToken)
        {
            // The app has stopped: once its sessions on both nodes have ended, their counters are flushed.
            await WaitForNoReplicaBackendsAsync(replica, database, cancellationToken);
            await DatabaseActivity.WaitForNoBackendsAsync(replica.Primary, database, TimeSpan.FromSeconds(15), cancellationToken);
            var after = await ReplicationStatus.ReadAsync(replica, database, cancellationToken);
            var rowsAfter = await NodeRowsAsync(replica, database, cancellationToken);
            var primaryRows = rowsAfter.Primary - rowsBefore.Primary;
            var replicaRows = rowsAfter.Replica - rowsBefore.Replica;
            var figures = new Dictionary<string, double>
            {
                ["replicaRowsPerRequest"] = (after.ReplicaRowsReturned - before.ReplicaRowsReturned) / (double)Math.Max(requests, 1),
                ["replicaReadShare"] = replicaRows / (double)Math.Max(primaryRows + replicaRows, 1),
            };
            if (_atEnd?.ReplayLag is { } lag)
            {
                figures["replicaLagMs"] = lag.TotalMilliseconds;
            }
            return figures;
        }
    }
}
