using System.Globalization;
using Npgsql;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// A fresh copy of a running primary for a <see cref="PostgresReplica"/>, made with pg_basebackup.
/// The primary is checked first (it writes WAL a standby can replay, has WAL senders free, the disk has
/// room for the whole cluster, every database included), then cloned with a fast checkpoint and no
/// fsync: a replica's data is thrown away on its next start anyway.
/// </summary>
/// <remarks>
/// A clone copies every database, other scenarios' templates included: its time grows with the whole
/// cluster. Measured with PostgreSQL 15 on 2 cores: pg_basebackup of an empty cluster 0.5 s, of a
/// 563 MB one (a 1M-row table like scenario 02's, and two copies) 1.2 to 2.4 s, against 3.3 s with
/// the default fsync and backup manifest; with the machine loaded (load average 20), 1.4 to 2.2 s
/// for an empty cluster and 3 to 5.3 s for a 383 MB one.
/// </remarks>
internal static class ReplicaClone
{
    /// <summary>Settings a hot standby needs at least as high as its primary's, or it refuses to start.</summary>
    private static readonly string[] StandbyMinimums =
        ["max_connections", "max_locks_per_transaction", "max_prepared_transactions", "max_wal_senders", "max_worker_processes"];

    /// <summary>Clones <paramref name="primary"/> into <paramref name="layout"/>'s data folder, replacing what was there.</summary>
    public static async Task CloneAsync(PostgresServer primary, PrimaryFacts facts, PostgresLayout layout, string replicaName, CancellationToken cancellationToken)
    {
        Discard(layout);
        DiskSpace.EnsureFree(layout.Root, facts.ClusterBytes + DiskSpace.CopyMarginBytes);
        // The replica's own copy of the password: pg_basebackup and the replica's WAL receiver read it as the postgres user.
        await PostgresPassword.WritePgpassAsync(layout.PasswordFile, primary.Password, ProcessRunner.IsRoot ? "postgres" : null, cancellationToken);
        var result = await layout.RunAsPostgresAsync(
            [primary.Installation.PgBaseBackup, "-h", "127.0.0.1", "-p", primary.Port.ToString(CultureInfo.InvariantCulture), "-U", PostgresServer.User,
             // -R records these in the replica's primary_conninfo: the replica's name shows in the primary's
             // pg_stat_replication, and the password stays in the pgpass file.
             "-d", $"application_name={ConnInfoValue(replicaName)} passfile={ConnInfoValue(layout.PasswordFile)}",
             "-D", layout.DataDirectory, "-R", "-X", "stream", "--checkpoint=fast", "--no-sync", "--no-manifest", "-w"],
            cancellationToken);
        if (!result.Succeeded)
        {
            Discard(layout);
            throw DiskSpace.IsFull(result.Output)
                ? DiskSpace.Full(layout.Root, facts.ClusterBytes + DiskSpace.CopyMarginBytes)
                : new LabException($"pg_basebackup could not clone PostgreSQL '{primary.Name}' for replica '{replicaName}' " +
                    $"(exit code {result.ExitCode}); run `sdlab stop` and try again. Its output:\n{result.Output.Trim()}");
        }
    }

    /// <summary>Deletes the replica's data: it is a throwaway clone, and never served from an older run.</summary>
    public static void Discard(PostgresLayout layout)
    {
        if (Directory.Exists(layout.DataDirectory))
        {
            Directory.Delete(layout.DataDirectory, recursive: true);
        }
    }

    /// <summary>The size of everything a clone copies, and the settings a replica must run with at least.</summary>
    public sealed record PrimaryFacts(long ClusterBytes, IReadOnlyDictionary<string, string> Minimums);

    /// <summary>What a clone of the running <paramref name="primary"/> takes; a LabException saying what to change when it cannot have a replica.</summary>
    public static async Task<PrimaryFacts> ReadPrimaryAsync(PostgresServer primary, string replicaName, CancellationToken cancellationToken)
    {
        if (primary.Port == 0)
        {
            throw new LabException($"Replica '{replicaName}' needs PostgreSQL '{primary.Name}' running first; start it before its replica " +
                "(a LabHost does, since the replica waits for it).");
        }
        await using var connection = new NpgsqlConnection(primary.ConnectionString("postgres", pooling: false, lab: true));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT current_setting('wal_level'), current_setting('max_wal_senders')::int, (SELECT count(*) FROM pg_stat_replication)::int, " +
            "(SELECT sum(pg_database_size(oid)) FROM pg_database)::bigint, " +
            "(SELECT array_agg(name || '=' || setting) FROM pg_settings WHERE name = ANY($1))", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = StandbyMinimums });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var (walLevel, senders, sending) = (reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2));
        if (walLevel == "minimal")
        {
            throw new LabException($"PostgreSQL '{primary.Name}' runs with wal_level=minimal, which a replica cannot replay; " +
                "remove wal_level from its settings (the lab's default is replica).");
        }
        // A clone streams on two connections (files and WAL); the replica then keeps one.
        if (senders - sending < 2)
        {
            throw new LabException($"PostgreSQL '{primary.Name}' allows {senders} WAL senders and {sending} are busy; cloning replica '{replicaName}' needs two. " +
                "Stop other replicas, or raise max_wal_senders in the server's settings.");
        }
        var minimums = reader.GetFieldValue<string[]>(4).Select(s => s.Split('=', 2)).ToDictionary(p => p[0], p => p[1]);
        return new PrimaryFacts(reader.GetInt64(3), minimums);
    }

    /// <summary>A value for a libpq connection string: quoted, so a folder with spaces stays one value.</summary>
    private static string ConnInfoValue(string value) => "'" + value.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("'", @"\'", StringComparison.Ordinal) + "'";
}
