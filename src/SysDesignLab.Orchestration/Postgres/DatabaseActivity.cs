using Npgsql;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>Server-side counters of one database, read from pg_stat_database: what the server really did.</summary>
public sealed record DatabaseActivity(long RowsReturned, long RowsFetched, long Commits, int Backends, long Sessions)
{
    // sessions: connections ever established to the database (PostgreSQL 14+), so opening a
    // connection per request shows even when something caps how many are open at once.

    /// <summary>Rows the server read for queries: scanned by sequential scans plus fetched by index scans.</summary>
    public long RowsRead => RowsReturned + RowsFetched;

    public static async Task<DatabaseActivity> ReadAsync(PostgresServer server, string database, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres", pooling: false));
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT tup_returned, tup_fetched, xact_commit, numbackends, sessions FROM pg_stat_database WHERE datname = $1", connection);
        command.Parameters.Add(new NpgsqlParameter { Value = database });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new LabException($"Database '{database}' has no statistics: does it exist?");
        }
        return new DatabaseActivity(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3), reader.GetInt64(4));
    }

    /// <summary>Waits until no session is connected to the database, so every backend has flushed its statistics.</summary>
    public static async Task WaitForNoBackendsAsync(PostgresServer server, string database, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres", pooling: false));
        await connection.OpenAsync(cancellationToken);
        while (waited.Elapsed < timeout)
        {
            await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE datname = $1", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = database });
            if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == 0)
            {
                return;
            }
            await Task.Delay(100, cancellationToken);
        }
    }
}
