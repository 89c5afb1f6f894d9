using Npgsql;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Orchestration.Tests.Postgres;
using SysDesignLab.Scenarios.Checks;

namespace SysDesignLab.Scenarios.Tests.Checks;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ServerActivityTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Db_sessions_per_request_counts_a_connection_opened_for_every_request()
    {
        var database = await TestDatabase.CreateAsync(fixture, "sessions_per_request", "CREATE TABLE posts (id bigint PRIMARY KEY);");
        const int requests = 40;

        // In the order the check reads them: before the load, the load, its sessions gone, after.
        var before = await ServerActivity.ReadAsync(database, CancellationToken.None);
        for (var i = 0; i < requests; i++)
        {
            // An app that opens a connection per request (Pooling=false).
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await using var query = new NpgsqlCommand("SELECT count(*) FROM posts", connection);
            await query.ExecuteScalarAsync();
        }
        await DatabaseActivity.WaitForNoBackendsAsync(fixture.Server, database.DatabaseName, TimeSpan.FromSeconds(10), CancellationToken.None);
        var after = await ServerActivity.ReadAsync(database, CancellationToken.None);

        var perRequest = before.PerRequest(after, requests)["dbSessionsPerRequest"];

        // The first reading's own session to the database (pg_stat_user_tables is per database) counts
        // too: one per check, nothing beside the thousands of requests of a real load.
        Assert.Equal((requests + 1) / (double)requests, perRequest, precision: 9);
    }
}
