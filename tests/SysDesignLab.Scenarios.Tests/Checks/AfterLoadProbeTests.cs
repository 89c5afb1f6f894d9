using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Orchestration.Tests.Postgres;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Tests.Checks;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class AfterLoadProbeTests(PostgresFixture fixture)
{
    // Scenario 04's shape after a run: both drops started with 300 stickers and the check restocked 12;
    // drop 1 sold them all, drop 2 only its first 300 (as a count kept in an instance's memory would).
    private const string Drops = """
        CREATE TABLE drops (id int PRIMARY KEY, stock int NOT NULL);
        CREATE TABLE claims (id bigint PRIMARY KEY, drop_id int NOT NULL);
        INSERT INTO drops VALUES (1, 312), (2, 312);
        INSERT INTO claims SELECT i, 1 FROM generate_series(1, 312) AS i;
        INSERT INTO claims SELECT 1000 + i, 2 FROM generate_series(1, 300) AS i;
        """;

    private static CriterionSpec Criterion(string sql, string expectedSql) => new()
    {
        Name = "sold exactly the stock",
        Kind = "correctness",
        Probe = "sql-after-load",
        Sql = sql,
        Op = "==",
        ExpectedSql = expectedSql,
        Where = "look at the claims",
    };

    private Task<PostgresDatabase> DatabaseAsync() => TestDatabase.CreateAsync(fixture, "after_load", Drops);

    [Fact]
    public async Task Expected_sql_passes_when_the_sql_returns_the_same_value()
    {
        var database = await DatabaseAsync();

        var result = await AfterLoadProbe.RunAsync(
            Criterion("SELECT count(*) FROM claims WHERE drop_id = 1", "SELECT stock FROM drops WHERE id = 1"), database, CancellationToken.None);

        Assert.True(result.Passed, result.Actual);
        Assert.Equal("== 312", result.Expected);
        Assert.Equal("312", result.Actual);
    }

    [Fact]
    public async Task Expected_sql_fails_with_the_value_it_read_and_the_actual_one()
    {
        var database = await DatabaseAsync();

        var result = await AfterLoadProbe.RunAsync(
            Criterion("SELECT count(*) FROM claims WHERE drop_id = 2", "SELECT stock FROM drops WHERE id = 2"), database, CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Equal("== 312", result.Expected);
        Assert.Equal("300", result.Actual);
    }

    [Theory]
    [InlineData("SELECT stock FROM restocks WHERE id = 1", "the expected value could not be read: the query failed: relation \"restocks\" does not exist")]
    [InlineData("SELECT stock FROM drops WHERE id = 99", "the expected value could not be read: no value (the query returned no row)")]
    public async Task A_failing_expected_sql_fails_the_criterion_with_a_readable_reason(string expectedSql, string actual)
    {
        var database = await DatabaseAsync();

        var result = await AfterLoadProbe.RunAsync(
            Criterion("SELECT count(*) FROM claims WHERE drop_id = 1", expectedSql), database, CancellationToken.None);

        Assert.False(result.Passed);
        Assert.Equal("== the value of expectedSql", result.Expected);
        Assert.Equal(actual, result.Actual);
        Assert.Equal("look at the claims", result.Where);
    }
}
