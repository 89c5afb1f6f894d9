using System.Globalization;
using Npgsql;
using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Scenarios.Diagnosis;

namespace SysDesignLab.Scenarios.Kinds.Postgres;

/// <summary>
/// The run's database as PostgreSQL sees it: its sessions from pg_stat_activity (what each runs,
/// its state, what it waits for, for how long) and rows read per second from pg_stat_database.
/// One query a second on a connection of the lab's own, opened before the load, so it never
/// waits for a slot the app has taken.
/// </summary>
public sealed class PostgresDiagnosis : IDiagnosisSource
{
    /// <summary>How many sessions the panel lists; the count says how many there are in all.</summary>
    public const int Listed = 10;

    public string ResourceKind => "postgres";

    public async Task<IDiagnosisProbe> OpenAsync(DiagnosisResource resource, CancellationToken cancellationToken)
    {
        var database = (resource.Scenario.Manifest.Database?.Name ?? throw new LabException("The scenario has no database.")) + resource.Suffix;
        return await OpenAsync(ConnectionString(new PostgresServer(resource.Name, resource.Paths)), resource.Name, database, resource.Time, cancellationToken);
    }

    /// <summary>A probe of <paramref name="database"/> over a session of its own, kept open for the run.</summary>
    internal static async Task<IDiagnosisProbe> OpenAsync(string connectionString, string name, string database, TimeProvider time, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
        return new Probe(name, database, connection, time);
    }

    /// <summary>The lab user's connection to the running server, found from its data folder: the port in postmaster.pid, the password in its pgpass.</summary>
    internal static string ConnectionString(PostgresServer server)
    {
        var pidFile = Path.Combine(server.DataDirectory, "postmaster.pid");
        var lines = File.Exists(pidFile) ? File.ReadAllLines(pidFile) : [];
        // Line 4 of postmaster.pid is the port (PostgreSQL's documented layout).
        if (lines.Length < 4 || !int.TryParse(lines[3], NumberStyles.None, CultureInfo.InvariantCulture, out var port))
        {
            throw new LabException($"PostgreSQL '{server.Name}' is not running.");
        }
        var password = File.ReadLines(server.PasswordFile).FirstOrDefault(l => !l.StartsWith('#'))?.Split(':') is { Length: 5 } fields ? fields[4] : "";
        return new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = port,
            Username = PostgresServer.User,
            Password = password,
            Database = "postgres",
            Pooling = false,
            Timeout = 3,
            CommandTimeout = 3,
            // The lab's own sessions are left out of what the app's are counted by.
            ApplicationName = PostgresServer.LabApplicationName,
        }.ConnectionString;
    }

    internal static NpgsqlBatch Batch(NpgsqlConnection connection, string database)
    {
        var batch = new NpgsqlBatch(connection);
        var sessions = new NpgsqlBatchCommand(
            "SELECT state, wait_event_type, wait_event, " +
            "EXTRACT(EPOCH FROM now() - CASE WHEN state = 'active' THEN query_start ELSE state_change END)::float8, left(query, 200) " +
            "FROM pg_stat_activity WHERE datname = $1 AND backend_type = 'client backend' AND pid <> pg_backend_pid() " +
            "AND application_name IS DISTINCT FROM $2 " +
            "ORDER BY state = 'active' DESC, CASE WHEN state = 'active' THEN query_start ELSE state_change END");
        sessions.Parameters.Add(new NpgsqlParameter { Value = database });
        sessions.Parameters.Add(new NpgsqlParameter { Value = PostgresServer.LabApplicationName });
        var rows = new NpgsqlBatchCommand("SELECT tup_returned + tup_fetched FROM pg_stat_database WHERE datname = $1");
        rows.Parameters.Add(new NpgsqlParameter { Value = database });
        batch.BatchCommands.Add(sessions);
        batch.BatchCommands.Add(rows);
        return batch;
    }

    private sealed class Probe(string name, string database, NpgsqlConnection connection, TimeProvider time) : IDiagnosisProbe
    {
        private (long Rows, long At)? _last;

        public async Task<ResourceDiagnosis> SampleAsync(CancellationToken cancellationToken)
        {
            await using var batch = Batch(connection, database);
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            var sessions = new List<ActiveQuery>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var wait = reader.IsDBNull(2) ? null : $"{reader.GetString(1)}: {reader.GetString(2)}";
                sessions.Add(new ActiveQuery(
                    reader.IsDBNull(0) ? "unknown" : reader.GetString(0), wait,
                    reader.IsDBNull(3) ? 0 : Math.Round(Math.Max(0, reader.GetDouble(3)), 1),
                    reader.IsDBNull(4) ? "" : OneLine(reader.GetString(4))));
            }
            await reader.NextResultAsync(cancellationToken);
            long? rows = await reader.ReadAsync(cancellationToken) && !reader.IsDBNull(0) ? reader.GetInt64(0) : null;
            var now = time.GetTimestamp();
            // Counters are cumulative: the figure is this second's share. Backends report them when a
            // statement ends, so a second of long scans shows up when they finish.
            double? rowsPerSecond = rows is { } r && _last is { } last
                ? Math.Round(Math.Max(0, r - last.Rows) / Math.Max(0.001, time.GetElapsedTime(last.At, now).TotalSeconds))
                : null;
            if (rows is { } current)
            {
                _last = (current, now);
            }
            var active = sessions.Count(s => s.State == "active");
            var waiting = sessions.Count(s => s.State == "active" && s.WaitEvent is not null);
            double? longest = active > 0 ? sessions.Where(s => s.State == "active").Max(s => s.Seconds) : null;
            return new ResourceDiagnosis(name, "postgres",
            [
                new("connections", sessions.Count, "", "connections-in-use", "Sessions the app has open to the database right now."),
                new("active queries", active, "", "active-queries", "Sessions running a query right now; the rest are idle."),
                new("waiting", waiting, "", "wait-event", "Active queries that are waiting (for a lock, I/O, the client) instead of using the CPU."),
                new("longest running", longest, "s", "active-queries", "How long the oldest query still running has been at it."),
                new("rows read/s", rowsPerSecond, "", "rows-read", "Rows PostgreSQL read (scanned or fetched through an index) in the last second, counted as queries finish."),
            ])
            {
                Queries = sessions.Take(Listed).ToList(),
                Sessions = sessions.Count,
            };
        }

        private static string OneLine(string query) => string.Join(' ', query.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));

        public ValueTask DisposeAsync() => connection.DisposeAsync();
    }
}
