using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Orchestration.Tests.Postgres;

namespace SysDesignLab.Scenarios.Tests.Checks;

/// <summary>A database of its own on the fixture's real server, made from one SQL script, as a scenario's is.</summary>
internal static class TestDatabase
{
    public static async Task<PostgresDatabase> CreateAsync(PostgresFixture fixture, string name, string sql)
    {
        var folder = Directory.CreateDirectory(Path.Combine(fixture.StateRoot, "sql-" + name));
        var script = Path.Combine(folder.FullName, "schema.sql");
        await File.WriteAllTextAsync(script, sql);
        var database = new PostgresDatabase(fixture.Server, "run_" + name, "tpl_" + name, [script]);
        await database.StartAsync(CancellationToken.None);
        return database;
    }
}
