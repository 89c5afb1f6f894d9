namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>
/// Correct indexes for scenario 02 that are not the reference solution's. The check judges the
/// lesson (each query reads through an index that starts with what it filters on, and no index
/// is wasted), so each must pass.
/// </summary>
[Trait("Category", "Scenario")]
[Trait("Kind", "Fix")]
[Trait("Scenario", "02")]
[Collection(ScenarioChecksCollection.Name)]
public sealed class IndexesValidFixTests
{
    [Fact]
    public async Task Check_passes_an_index_on_author_id_alone_that_leaves_the_sort_to_the_query()
    {
        using var copy = new RepositoryCopy("02-indexes");
        // The author's posts come from the index; sorting a few dozen of them is cheap.
        WriteMigration(copy,
            """
            CREATE INDEX posts_by_author ON posts (author_id);
            CREATE INDEX users_by_lower_handle ON users (lower(handle));
            """);
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "02", "author-only");

        Assert.True(check.ExitCode == 0, check.Output);
    }

    [Fact]
    public async Task Check_passes_an_ascending_index_walked_backwards_and_a_unique_handle_index()
    {
        using var copy = new RepositoryCopy("02-indexes");
        // PostgreSQL walks an ascending index backwards for ORDER BY created_at DESC.
        WriteMigration(copy,
            """
            CREATE INDEX posts_by_author_then_time ON posts (author_id, created_at);
            CREATE UNIQUE INDEX users_handle_ci ON users (lower(handle));
            """);
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "02", "ascending");

        Assert.True(check.ExitCode == 0, check.Output);
    }

    private static void WriteMigration(RepositoryCopy copy, string sql) =>
        File.WriteAllText(Path.Combine(copy.ScenarioDirectory, "app", "Migrations", "001_indexes.sql"), sql);
}
