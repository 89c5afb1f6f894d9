namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>
/// Correct fixes of scenario 01 that are not the reference solution. The check judges the lesson
/// (ask the database for one page, not the whole table), so each must pass, whatever plan
/// PostgreSQL picks for it.
/// </summary>
[Trait("Category", "Scenario")]
[Trait("Kind", "Fix")]
[Trait("Scenario", "01")]
[Collection(ScenarioChecksCollection.Name)]
public sealed class SingleServerValidFixTests
{
    private const string Quotes = "\"\"\"";

    // The naive feed's SQL up to the list it fills: the one place in app/Program.cs with this text.
    private static readonly string NaiveQuery = Lines(
        "        SELECT p.id, u.handle, p.body, p.created_at, p.like_count",
        "        FROM posts p",
        "        JOIN users u ON u.id = p.author_id",
        "        " + Quotes + ");",
        "",
        "    var posts = new List<Post>();");

    [Fact]
    public async Task Check_passes_a_fix_that_pages_posts_in_a_CTE_and_joins_users_after()
    {
        using var copy = new RepositoryCopy("01-single-server");
        // The planner may join the 20 rows to users with a hash join that reads all 5,000 users:
        // still a page, not the table.
        ReplaceFeedQuery(copy,
            "        WITH page AS (",
            "            SELECT id, author_id, body, created_at, like_count",
            "            FROM posts",
            "            ORDER BY created_at DESC, id DESC",
            "            OFFSET @offset ROWS FETCH FIRST 20 ROWS ONLY",
            "        )",
            "        SELECT page.id, u.handle, page.body, page.created_at, page.like_count",
            "        FROM page",
            "        JOIN users u ON u.id = page.author_id");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "01", "cte");

        Assert.True(check.ExitCode == 0, check.Output);
    }

    [Fact]
    public async Task Check_passes_a_fix_that_pages_posts_in_a_subquery_and_looks_up_each_author()
    {
        using var copy = new RepositoryCopy("01-single-server");
        ReplaceFeedQuery(copy,
            "        SELECT p.id, (SELECT u.handle FROM users u WHERE u.id = p.author_id), p.body, p.created_at, p.like_count",
            "        FROM (SELECT id, author_id, body, created_at, like_count",
            "              FROM posts",
            "              ORDER BY created_at DESC, id DESC",
            "              LIMIT 20 OFFSET @offset) AS p");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "01", "subquery");

        Assert.True(check.ExitCode == 0, check.Output);
    }

    /// <summary>Swaps the naive "every post" SQL for a page query taking @offset; the in-memory sort of 20 rows stays, harmless.</summary>
    private static void ReplaceFeedQuery(RepositoryCopy copy, params string[] sql)
    {
        copy.Edit("app/Program.cs", NaiveQuery, Lines(
            [.. sql,
             "        " + Quotes + ");",
             "    command.Parameters.AddWithValue(\"offset\", (pageNumber - 1L) * PageSize);",
             "",
             "    var posts = new List<Post>();"]));
        copy.Edit("app/Program.cs", ".Skip((pageNumber - 1) * PageSize)", ".Skip(0)");
    }

    private static string Lines(params string[] lines) => string.Join('\n', lines);
}
