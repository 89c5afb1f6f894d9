using Npgsql;
using SysDesignLab.Orchestration.Postgres;

namespace SysDesignLab.Orchestration.Tests.Postgres;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PostgresActivityTests(PostgresFixture fixture)
{
    private async Task<PostgresDatabase> FreshDatabaseAsync(string name, string sql)
    {
        var folder = Directory.CreateDirectory(Path.Combine(fixture.StateRoot, "sql-" + name));
        var script = Path.Combine(folder.FullName, "schema.sql");
        await File.WriteAllTextAsync(script, sql);
        var database = new PostgresDatabase(fixture.Server, "run_" + name, "tpl_" + name, [script]);
        await database.StartAsync(CancellationToken.None);
        return database;
    }

    [Fact]
    public async Task Sampler_sees_the_peak_of_concurrent_sessions()
    {
        var database = await FreshDatabaseAsync("sampler", "SELECT 1;");
        await using var sampler = ConnectionSampler.Start(fixture.Server, database.DatabaseName, TimeSpan.FromMilliseconds(20));
        var sessions = new List<NpgsqlConnection>();
        for (var i = 0; i < 5; i++)
        {
            // The app's connection string, unpooled so each is its own session.
            var session = new NpgsqlConnection(database.ConnectionString + ";Pooling=false");
            await session.OpenAsync();
            sessions.Add(session);
        }
        // The lab's own probe connections are not the app's: never counted.
        await using var probe = await database.OpenAsync(CancellationToken.None);
        for (var i = 0; i < 50 && sampler.Peak < 5; i++)
        {
            await Task.Delay(20);
        }
        foreach (var session in sessions)
        {
            await session.DisposeAsync();
        }
        Assert.Equal(5, await sampler.StopAsync());
        Assert.True(sampler.Samples > 0);
    }

    [Fact]
    public async Task Sampler_leaves_out_the_labs_own_connections()
    {
        var database = await FreshDatabaseAsync("sampler_lab", "SELECT 1;");
        await using var sampler = ConnectionSampler.Start(fixture.Server, database.DatabaseName, TimeSpan.FromMilliseconds(20));
        await using (var probe = await database.OpenAsync(CancellationToken.None))
        {
            for (var i = 0; i < 10 || sampler.Samples < 3; i++)
            {
                await Task.Delay(20);
            }
        }
        Assert.Equal(0, await sampler.StopAsync());
    }

    [Fact]
    public async Task Planner_uses_an_index_once_it_exists()
    {
        var database = await FreshDatabaseAsync("plan",
            "CREATE TABLE posts (id bigint primary key, author_id bigint not null); " +
            "INSERT INTO posts SELECT i, i % 1000 FROM generate_series(1, 100000) i; ANALYZE posts;");
        await using var connection = await database.OpenAsync(CancellationToken.None);
        var parameters = new Dictionary<string, object> { ["author"] = 42L };
        const string query = "SELECT id FROM posts WHERE author_id = @author";

        var before = await QueryPlan.ExplainAsync(connection, query, parameters, CancellationToken.None);
        Assert.False(before.AvoidsSequentialScansOn(["posts"]), before.ToString());

        await using (var create = new NpgsqlCommand("CREATE INDEX posts_author_idx ON posts (author_id); ANALYZE posts;", connection))
        {
            await create.ExecuteNonQueryAsync();
        }
        var after = await QueryPlan.ExplainAsync(connection, query, parameters, CancellationToken.None);
        Assert.True(after.AvoidsSequentialScansOn(["posts"]), after.ToString());
        Assert.Contains("posts_author_idx", after.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sessions_grow_by_one_for_every_unpooled_connection_opened()
    {
        var database = await FreshDatabaseAsync("sessions", "SELECT 1;");
        var before = await DatabaseActivity.ReadAsync(fixture.Server, database.DatabaseName, CancellationToken.None);
        for (var i = 0; i < 7; i++)
        {
            await using var connection = await database.OpenAsync(CancellationToken.None);
            await using var query = new NpgsqlCommand("SELECT 1", connection);
            await query.ExecuteScalarAsync();
        }
        // Backends flush their statistics when they exit.
        await DatabaseActivity.WaitForNoBackendsAsync(fixture.Server, database.DatabaseName, TimeSpan.FromSeconds(10), CancellationToken.None);
        var after = await DatabaseActivity.ReadAsync(fixture.Server, database.DatabaseName, CancellationToken.None);
        Assert.Equal(7, after.Sessions - before.Sessions);
    }

    [Fact]
    public async Task Sessions_count_connections_opened_not_connections_used()
    {
        var database = await FreshDatabaseAsync("pooled", "SELECT 1;");
        var before = await DatabaseActivity.ReadAsync(fixture.Server, database.DatabaseName, CancellationToken.None);
        // A pool hands the same server session out seven times: the lesson of scenario 03.
        await using (var pool = NpgsqlDataSource.Create(fixture.Server.ConnectionString(database.DatabaseName)))
        {
            for (var i = 0; i < 7; i++)
            {
                await using var connection = await pool.OpenConnectionAsync();
                await using var query = new NpgsqlCommand("SELECT 1", connection);
                await query.ExecuteScalarAsync();
            }
        }
        await DatabaseActivity.WaitForNoBackendsAsync(fixture.Server, database.DatabaseName, TimeSpan.FromSeconds(10), CancellationToken.None);
        var after = await DatabaseActivity.ReadAsync(fixture.Server, database.DatabaseName, CancellationToken.None);
        Assert.Equal(1, after.Sessions - before.Sessions);
    }

    [Fact]
    public async Task Table_counters_tell_sequential_from_index_scans()
    {
        var database = await FreshDatabaseAsync("tables",
            "CREATE TABLE items (id bigint primary key, v int); INSERT INTO items SELECT i, i FROM generate_series(1, 10000) i; ANALYZE items;");
        var before = await TableActivity.ReadAsync(database, CancellationToken.None);
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await using var scan = new NpgsqlCommand("SELECT count(*) FROM items WHERE v = 7; SELECT v FROM items WHERE id = 7;", connection);
            await scan.ExecuteNonQueryAsync();
        }
        await DatabaseActivity.WaitForNoBackendsAsync(fixture.Server, database.DatabaseName, TimeSpan.FromSeconds(10), CancellationToken.None);
        var after = await TableActivity.ReadAsync(database, CancellationToken.None);
        Assert.Equal(1, after["items"].SequentialScans - before["items"].SequentialScans);
        Assert.Equal(1, after["items"].IndexScans - before["items"].IndexScans);
    }
}
