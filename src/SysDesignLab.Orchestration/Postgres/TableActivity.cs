using Npgsql;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>Per-table scan counters from pg_stat_user_tables: how the server reached the rows (indexes scenario).</summary>
public sealed record TableActivity(string Table, long SequentialScans, long IndexScans)
{
    public static async Task<IReadOnlyDictionary<string, TableActivity>> ReadAsync(PostgresDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT relname, seq_scan, coalesce(idx_scan, 0) FROM pg_stat_user_tables", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tables = new Dictionary<string, TableActivity>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tables[reader.GetString(0)] = new TableActivity(reader.GetString(0), reader.GetInt64(1), reader.GetInt64(2));
        }
        return tables;
    }
}
