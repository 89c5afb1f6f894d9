using System.Text.Json;
using SysDesignLab.Orchestration.Tests.Postgres;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Tests.Checks;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ExplainProbeTests(PostgresFixture fixture)
{
    // 200,000 posts by 1,000 busy authors (about 200 each) and three quiet ones (ids 5001-5003, 3 or 4
    // posts each). created_at is shuffled against id, as in scenario 02's seed. The planner expects about
    // 200 posts for any author, so for 20 of them it walks (created_at, author_id) backwards, hoping to
    // stop early; for a quiet author it never finds 20 and walks the whole index.
    private const string Posts = """
        CREATE TABLE posts (id bigint PRIMARY KEY, author_id bigint NOT NULL, created_at timestamptz NOT NULL);
        INSERT INTO posts
        SELECT i,
               CASE WHEN i % 20000 = 0 THEN 5001 + (i / 20000) % 3 ELSE 1 + i % 1000 END,
               timestamptz '2024-06-01 00:00:00+00' + make_interval(secs => ((i * 611953) % 200000) * 60)
        FROM generate_series(1::bigint, 200000) AS i;
        """;

    private const string Timeline = "SELECT id, author_id, created_at FROM posts WHERE author_id = @id ORDER BY created_at DESC LIMIT 20";

    private static CriterionSpec Criterion(long? maxPagesRead) => new()
    {
        Name = "timeline",
        Kind = "right-way",
        Probe = "explain-uses-index",
        Sql = Timeline,
        Parameter = "id",
        Values = [JsonSerializer.SerializeToElement(5002)],
        Tables = ["posts"],
        MaxPagesRead = maxPagesRead,
        Where = "look at the index",
    };

    [Fact]
    public async Task Explain_probe_fails_an_index_walked_in_the_wrong_order()
    {
        var database = await TestDatabase.CreateAsync(fixture, "wrong_order",
            Posts + "CREATE INDEX posts_created_author_idx ON posts (created_at, author_id); ANALYZE posts;");

        // No sequential scan: without a bound on pages the wrong order passes for right.
        var unbounded = await ExplainProbe.RunAsync(Criterion(maxPagesRead: null), database, CancellationToken.None);
        Assert.True(unbounded.Passed, unbounded.Actual);
        Assert.Contains("Index Scan on posts using posts_created_author_idx", unbounded.Actual, StringComparison.Ordinal);

        var result = await ExplainProbe.RunAsync(Criterion(maxPagesRead: 100), database, CancellationToken.None);

        Assert.False(result.Passed, result.Actual);
        Assert.Equal("no sequential scan, at most 100 pages read", result.Expected);
        Assert.Matches(@"^Index Scan on posts using posts_created_author_idx read [\d,]+ pages \(with id = 5002\)$", result.Actual);
        var pages = long.Parse(result.Actual.Split(" read ")[1].Split(' ')[0].Replace(",", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        // The whole index, not a few pages over the bound.
        Assert.True(pages > 500, result.Actual);
    }

    [Fact]
    public async Task Explain_probe_passes_an_index_that_starts_with_the_filtered_column()
    {
        var database = await TestDatabase.CreateAsync(fixture, "right_order",
            Posts + "CREATE INDEX posts_author_created_idx ON posts (author_id, created_at DESC); ANALYZE posts;");

        var result = await ExplainProbe.RunAsync(Criterion(maxPagesRead: 100), database, CancellationToken.None);

        Assert.True(result.Passed, result.Actual);
        Assert.Equal("Index Scan on posts using posts_author_created_idx", result.Actual);
    }
}
