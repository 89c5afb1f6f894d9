namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>
/// Scenario 01's tempting wrong fixes: fast because they stop asking the database, and wrong
/// because the feed then never changes. Only a check that writes while it measures can tell them
/// from a correct fix.
/// </summary>
[Trait("Category", "Scenario")]
[Trait("Kind", "Fix")]
[Trait("Scenario", "01")]
[Collection(ScenarioChecksCollection.Name)]
public sealed class SingleServerWrongFixTests
{
    private const string Freshness = "New posts appear on the feed";

    [Fact]
    public async Task Check_fails_app_that_serves_a_startup_snapshot()
    {
        using var copy = new RepositoryCopy("01-single-server");
        // Every post read once, sorted once, at start-up; pages are slices of that list.
        copy.Edit("app/Program.cs", "var app = builder.Build();", """
            var snapshot = new List<Post>();
            await using (var load = db.CreateCommand("SELECT p.id, u.handle, p.body, p.created_at, p.like_count FROM posts p JOIN users u ON u.id = p.author_id"))
            await using (var rows = await load.ExecuteReaderAsync())
            {
                while (await rows.ReadAsync())
                {
                    snapshot.Add(ReadPost(rows));
                }
            }
            snapshot = snapshot.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).ToList();

            var app = builder.Build();
            app.MapGet("/snapshot-feed", (int? page) => Results.Ok(snapshot.Skip(((page ?? 1) - 1) * PageSize).Take(PageSize)));
            """);
        copy.Edit("app/Program.cs", "app.MapGet(\"/feed\",", "app.MapGet(\"/old-feed\",");
        copy.Edit("app/Program.cs", "app.MapGet(\"/snapshot-feed\",", "app.MapGet(\"/feed\",");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "01", "snapshot");

        Assert.True(check.ExitCode == 1, check.Output);
        Assert.True(check["Feed pages match the database"].Passed, "a snapshot is right until the data changes:\n" + check.Output);
        Assert.False(check[Freshness].Passed, check.Output);
        Assert.Contains("served stale data: a row written at", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_fails_a_cache_in_front_of_the_naive_query_that_is_never_refreshed()
    {
        using var copy = new RepositoryCopy("01-single-server");
        // The naive query unchanged, its pages kept forever: the first request of each page pays, the rest are free.
        copy.Edit("app/Program.cs", "using Npgsql;", "using Microsoft.Extensions.Caching.Memory;\nusing Npgsql;");
        copy.Edit("app/Program.cs", "var app = builder.Build();", """
            builder.Services.AddMemoryCache();
            var app = builder.Build();
            """);
        copy.Edit("app/Program.cs", "app.MapGet(\"/feed\", async (int? page) =>\n{", """
            app.MapGet("/feed", async (int? page, IMemoryCache cache) =>
            {
                if (cache.TryGetValue(page ?? 1, out List<Post>? cached))
                {
                    return Results.Ok(cached);
                }
            """);
        copy.Edit("app/Program.cs", "    return Results.Ok(feed);", "    cache.Set(pageNumber, feed);\n    return Results.Ok(feed);");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "01", "cache");

        Assert.True(check.ExitCode == 1, check.Output);
        Assert.False(check[Freshness].Passed, check.Output);
        Assert.Contains("served stale data", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_fails_a_page_query_that_sorts_by_id_instead_of_time()
    {
        using var copy = new RepositoryCopy("01-single-server");
        // Fast and paged in SQL, but "newest" taken to mean "highest id": the seed's created_at is
        // shuffled against id, so the pages differ from the feed's real order.
        var program = File.ReadAllText(Path.Combine(copy.ScenarioDirectory, "solution", "Program.cs"));
        File.WriteAllText(Path.Combine(copy.ScenarioDirectory, "app", "Program.cs"), program);
        copy.Edit("app/Program.cs", "ORDER BY p.created_at DESC, p.id DESC", "ORDER BY p.id DESC");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "01", "by-id");

        Assert.True(check.ExitCode == 1, check.Output);
        Assert.False(check["Feed pages match the database"].Passed, check.Output);
        Assert.True(check[Freshness].Passed, "a new post has the highest id and the newest time: only the seeded pages differ\n" + check.Output);
    }
}
