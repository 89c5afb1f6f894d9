using Npgsql;
using NpgsqlTypes;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// How far a <see cref="PostgresReplica"/> is behind its primary, and what it served, as both servers
/// tell it: the primary's pg_stat_replication row for the replica's WAL stream, and the replica's own
/// replay position and pg_stat_database counters.
/// </summary>
/// <param name="State">The WAL sender's state ("streaming" once caught up with the clone, "catchup" before); null when the replica is not connected.</param>
/// <param name="SentLsn">WAL sent to the replica.</param>
/// <param name="WriteLsn">WAL the replica has written.</param>
/// <param name="FlushLsn">WAL the replica has flushed.</param>
/// <param name="ReplayLsn">WAL the replica has applied: what its readers see.</param>
/// <param name="ReplayLag">
/// How long recent commits took from the primary's WAL flush to being applied on the replica,
/// recovery_min_apply_delay included; null when the primary has no recent figure (an idle primary
/// clears it once the replica has caught up).
/// </param>
/// <param name="BytesBehind">WAL written on the primary but not yet applied on the replica.</param>
/// <param name="LastReplayedCommit">When the last transaction the replica applied committed on the primary; null before its first.</param>
/// <param name="ReplicaCommits">Transactions committed on the replica in the database: read-only ones, its readers' queries.</param>
/// <param name="ReplicaRowsReturned">Rows the replica's queries read in the database (pg_stat_database.tup_returned).</param>
public sealed record ReplicationStatus(
    string? State,
    NpgsqlLogSequenceNumber? SentLsn,
    NpgsqlLogSequenceNumber? WriteLsn,
    NpgsqlLogSequenceNumber? FlushLsn,
    NpgsqlLogSequenceNumber? ReplayLsn,
    TimeSpan? ReplayLag,
    long? BytesBehind,
    DateTimeOffset? LastReplayedCommit,
    long ReplicaCommits,
    long ReplicaRowsReturned)
{
    public bool IsStreaming => State == "streaming";

    /// <summary>
    /// Reads both servers now. <paramref name="database"/> is the one whose reads are counted on the
    /// replica; backends report their counters when a transaction ends, at most once a second, and
    /// always when they exit.
    /// </summary>
    public static async Task<ReplicationStatus> ReadAsync(PostgresReplica replica, string database, CancellationToken cancellationToken)
    {
        var status = await ReadPrimaryAsync(replica, cancellationToken);
        await using var connection = new NpgsqlConnection(replica.ConnectionString("postgres", pooling: false, lab: true));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT pg_last_xact_replay_timestamp(), " +
            "(SELECT xact_commit FROM pg_stat_database WHERE datname = $1), (SELECT tup_returned FROM pg_stat_database WHERE datname = $1)",
            connection);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        if (reader.IsDBNull(1))
        {
            throw new LabException($"Database '{database}' has no statistics on replica '{replica.Name}': does it exist on the primary?");
        }
        return status with
        {
            LastReplayedCommit = reader.IsDBNull(0) ? null : reader.GetFieldValue<DateTimeOffset>(0),
            ReplicaCommits = reader.GetInt64(1),
            ReplicaRowsReturned = reader.GetInt64(2),
        };
    }

    private static async Task<ReplicationStatus> ReadPrimaryAsync(PostgresReplica replica, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(replica.Primary.ConnectionString("postgres", pooling: false, lab: true));
        await connection.OpenAsync(cancellationToken);
        // The replica connects with its name as application_name (see ReplicaClone); a clone in progress shows as "pg_basebackup".
        await using var command = new NpgsqlCommand(
            "SELECT state, sent_lsn, write_lsn, flush_lsn, replay_lsn, replay_lag, pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::bigint " +
            "FROM pg_stat_replication WHERE application_name = $1 ORDER BY backend_start DESC LIMIT 1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = replica.Name });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return new ReplicationStatus(null, null, null, null, null, null, null, null, 0, 0);
        }
        return new ReplicationStatus(
            reader.GetString(0),
            Lsn(reader, 1), Lsn(reader, 2), Lsn(reader, 3), Lsn(reader, 4),
            reader.IsDBNull(5) ? null : reader.GetFieldValue<TimeSpan>(5),
            reader.IsDBNull(6) ? null : reader.GetInt64(6),
            null, 0, 0);
    }

    private static NpgsqlLogSequenceNumber? Lsn(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<NpgsqlLogSequenceNumber>(ordinal);
}
