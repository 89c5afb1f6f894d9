namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>
/// Scenario 02's tempting wrong fixes. The classic one, named in its "Stuck?" table: an index on the handle column,
/// which the planner cannot use for a query on lower(handle). The check must fail and point at the
/// expression index.
/// </summary>
[Trait("Category", "Scenario")]
[Trait("Kind", "Fix")]
[Trait("Scenario", "02")]
[Collection(ScenarioChecksCollection.Name)]
public sealed class IndexesWrongFixTests
{
    [Fact]
    public async Task Indexes_on_the_handle_column_instead_of_lower_handle_fails_on_the_profile_query()
    {
        using var copy = new RepositoryCopy("02-indexes");
        // The timeline's index is right; the profile's is on the column, not on the expression the query compares.
        File.WriteAllText(Path.Combine(copy.ScenarioDirectory, "app", "Migrations", "001_indexes.sql"),
            """
            CREATE INDEX ON posts (author_id, created_at DESC);
            CREATE INDEX ON users (handle);
            """);
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "02", "wrong-fix");

        Assert.True(check.ExitCode == 1, check.Output);
        Assert.True(check["The timeline query uses an index"].Passed, "the posts index is the right one");
        Assert.False(check["The profile query uses an index"].Passed, check.Output);
        Assert.False(check["Sequential scans per request"].Passed, check.Output);
        Assert.Contains("lower(handle)", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Indexing_every_column_fails_on_the_indexes_no_query_used()
    {
        using var copy = new RepositoryCopy("02-indexes");
        // The two right indexes, and one on every other column "to be safe".
        File.WriteAllText(Path.Combine(copy.ScenarioDirectory, "app", "Migrations", "001_indexes.sql"),
            """
            CREATE INDEX ON posts (author_id, created_at DESC);
            CREATE UNIQUE INDEX ON users (lower(handle));
            CREATE INDEX ON posts (created_at);
            CREATE INDEX ON posts (like_count);
            CREATE INDEX ON posts (body);
            CREATE INDEX ON users (display_name);
            CREATE INDEX ON users (created_at);
            """);
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "02", "index-everything");

        Assert.True(check.ExitCode == 1, check.Output);
        Assert.True(check["The timeline query uses an index"].Passed, check.Output);
        Assert.True(check["The profile query uses an index"].Passed, check.Output);
        Assert.False(check["Indexes no query used"].Passed, check.Output);
        Assert.Contains("pg_stat_user_indexes", check.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_index_that_starts_with_created_at_fails_on_the_pages_the_timeline_reads()
    {
        using var copy = new RepositoryCopy("02-indexes");
        // Both columns, wrong order: no sequential scan, yet finding one author's 20 newest posts
        // walks newest-first through everyone's.
        File.WriteAllText(Path.Combine(copy.ScenarioDirectory, "app", "Migrations", "001_indexes.sql"),
            """
            CREATE INDEX ON posts (created_at, author_id);
            CREATE INDEX ON users (lower(handle));
            """);
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "02", "wrong-order");

        Assert.True(check.ExitCode == 1, check.Output);
        var timeline = check["The timeline query uses an index"];
        Assert.False(timeline.Passed, check.Output);
        Assert.Contains("starts with author_id", timeline.Where, StringComparison.Ordinal);
        Assert.Contains("pages", check.Output, StringComparison.Ordinal);
        Assert.True(check["The profile query uses an index"].Passed, check.Output);
    }
}
