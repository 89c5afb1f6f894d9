namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>
/// Plausible wrong fixes a learner might try (each named in the scenario's "Stuck?" table) fail
/// the check, and the failing criteria point at the real problem.
/// </summary>
[Trait("Category", "Scenario")]
[Trait("Kind", "Fix")]
[Trait("Scenario", "03")]
[Collection(ScenarioChecksCollection.Name)]
public sealed class ConnectionPoolingWrongFixTests
{
    [Fact]
    public async Task Connection_pooling_with_a_huge_pool_fails_on_the_connection_budget()
    {
        using var copy = new RepositoryCopy("03-connection-pooling");
        copy.Edit(Path.Combine("app", "Program.cs"), "{ Pooling = false }", "{ Pooling = true, MaxPoolSize = 500 }");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "03", "wrong-fix");

        Assert.True(check.ExitCode == 1, check.Output);
        Assert.False(check["Peak connections to the database"].Passed, check.Output);
        Assert.Contains("max_connections", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unpooled_connections_behind_a_semaphore_fail_on_connections_opened_per_request()
    {
        using var copy = new RepositoryCopy("03-connection-pooling");
        // Within the budget at every instant, and still a new connection (fork, handshake, auth) per request.
        copy.Edit("app/Program.cs", "var app = builder.Build();", "var slots = new SemaphoreSlim(20);\nvar app = builder.Build();");
        copy.Edit("app/Program.cs", "    await using var connection = new NpgsqlConnection(settings.ConnectionString);\n",
            "    await slots.WaitAsync();\n    using var slot = new Slot(slots);\n    await using var connection = new NpgsqlConnection(settings.ConnectionString);\n");
        File.AppendAllText(Path.Combine(copy.ScenarioDirectory, "app", "Program.cs"),
            "\ninternal sealed class Slot(SemaphoreSlim slots) : IDisposable\n{\n    public void Dispose() => slots.Release();\n}\n");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "03", "unpooled-semaphore");

        Assert.True(check.ExitCode == 1, check.Output);
        // Read as measured, counted or not: on a machine slow to open connections the unpooled app also
        // times out, and the figures are then shown but not counted. Either way the budget holds and
        // about one connection is opened per request, which is what this criterion is for.
        Assert.True(check.Measured("Peak connections to the database") <= 30, "the semaphore keeps it within the budget:\n" + check.Output);
        var opened = check["Connections opened per request"];
        Assert.False(opened.Passed, check.Output);
        Assert.True(check.Measured("Connections opened per request") >= 0.5, check.Output);
        Assert.Contains("new connection", opened.Where, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posts_loaded_once_at_startup_fail_on_new_likes()
    {
        using var copy = new RepositoryCopy("03-connection-pooling");
        // No connection per request at all: every post read once into memory at start-up.
        copy.Edit("app/Program.cs", "var app = builder.Build();", """
            var posts = new Dictionary<long, Post>();
            await using (var connection = new NpgsqlConnection(settings.ConnectionString))
            {
                await connection.OpenAsync();
                await using var all = new NpgsqlCommand("SELECT p.id, u.handle, p.body, p.created_at, p.like_count FROM posts p JOIN users u ON u.id = p.author_id", connection);
                await using var rows = await all.ExecuteReaderAsync();
                while (await rows.ReadAsync())
                {
                    posts[rows.GetInt64(0)] = new Post(rows.GetInt64(0), rows.GetString(1), rows.GetString(2), rows.GetDateTime(3), rows.GetInt32(4));
                }
            }

            var app = builder.Build();
            app.MapGet("/cached/{id:long}", (long id) => posts.TryGetValue(id, out var post) ? Results.Ok(post) : Results.NotFound());
            """);
        copy.Edit("app/Program.cs", "app.MapGet(\"/posts/{id:long}\",", "app.MapGet(\"/old/{id:long}\",");
        copy.Edit("app/Program.cs", "app.MapGet(\"/cached/{id:long}\",", "app.MapGet(\"/posts/{id:long}\",");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "03", "snapshot");

        Assert.True(check.ExitCode == 1, check.Output);
        Assert.True(check["Posts match the database"].Passed, "a snapshot is right until the data changes:\n" + check.Output);
        Assert.False(check["New likes appear on the post"].Passed, check.Output);
        Assert.Contains("served stale data", check.Output, StringComparison.Ordinal);
    }
}
