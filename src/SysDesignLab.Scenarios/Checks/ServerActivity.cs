using SysDesignLab.Orchestration.Postgres;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>The database server's counters around a load run, turned into per-request figures.</summary>
internal sealed record ServerActivity(DatabaseActivity Database, IReadOnlyDictionary<string, TableActivity> Tables)
{
    public static async Task<ServerActivity> ReadAsync(PostgresDatabase database, CancellationToken cancellationToken) =>
        new(await DatabaseActivity.ReadAsync(database.Server, database.DatabaseName, cancellationToken),
            await TableActivity.ReadAsync(database, cancellationToken));

    /// <summary>dbRowsPerRequest, seqScansPerRequest and dbSessionsPerRequest between this reading and <paramref name="after"/>.</summary>
    public Dictionary<string, double> PerRequest(ServerActivity after, long requests)
    {
        if (requests == 0)
        {
            return [];
        }
        var sequentialScans = after.Tables.Values.Sum(t => t.SequentialScans - (Tables.TryGetValue(t.Table, out var b) ? b.SequentialScans : 0));
        return new Dictionary<string, double>
        {
            ["dbRowsPerRequest"] = (after.Database.RowsRead - Database.RowsRead) / (double)requests,
            ["seqScansPerRequest"] = sequentialScans / (double)requests,
            ["dbSessionsPerRequest"] = (after.Database.Sessions - Database.Sessions) / (double)requests,
        };
    }
}
