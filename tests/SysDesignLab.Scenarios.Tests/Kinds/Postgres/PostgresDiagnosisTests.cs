using Npgsql;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Orchestration.Tests.Postgres;
using SysDesignLab.Scenarios.Diagnosis;
using SysDesignLab.Scenarios.Kinds.Postgres;
using SysDesignLab.Scenarios.Tests.Checks;

namespace SysDesignLab.Scenarios.Tests.Kinds.Postgres;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PostgresDiagnosisTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Lists_a_slow_query_as_active_with_its_running_time_and_counts_the_rows_read()
    {
        var database = await TestDatabase.CreateAsync(fixture, "diagnosis",
            "CREATE TABLE posts (id bigint PRIMARY KEY); INSERT INTO posts SELECT generate_series(1, 50000);");
        // Found the way the web lab finds a running server: its postmaster.pid and pgpass, not the app.
        await using var probe = await PostgresDiagnosis.OpenAsync(PostgresDiagnosis.ConnectionString(fixture.Server), "db", database.DatabaseName, TimeProvider.System, CancellationToken.None);
        var first = await probe.SampleAsync(CancellationToken.None);

        // One "app" session scans the table and leaves (a backend reports its counters as it ends),
        // another runs a query for seconds.
        await using (var scanner = new NpgsqlConnection(database.ConnectionString + ";Pooling=false"))
        {
            await scanner.OpenAsync();
            await using var scan = new NpgsqlCommand("SELECT count(*) FROM posts WHERE id % 7 = 3", scanner);
            await scan.ExecuteScalarAsync();
        }
        await using var app = new NpgsqlConnection(database.ConnectionString + ";Pooling=false");
        await app.OpenAsync();
        await using var sleep = new NpgsqlCommand("SELECT pg_sleep(3) /* the slow one */", app);
        var slow = sleep.ExecuteNonQueryAsync();
        await Task.Delay(1500);
        var during = await probe.SampleAsync(CancellationToken.None);
        await slow;

        Assert.Null(first.Figure("rows read/s"));
        var query = Assert.Single(during.Queries!);
        Assert.Equal("active", query.State);
        Assert.Equal("Timeout: PgSleep", query.WaitEvent);
        Assert.InRange(query.Seconds, 1.0, 3.0);
        Assert.Contains("pg_sleep(3) /* the slow one */", query.Query, StringComparison.Ordinal);
        Assert.Equal(1, during.Sessions);
        Assert.Equal(1, during.Figure("active queries"));
        Assert.Equal(1, during.Figure("connections"));
        // The scan read the 50,000 rows between the two samples (about 1.5 s apart).
        Assert.InRange(during.Figure("rows read/s") ?? 0, 50_000 / 3.0, 50_000 / 1.0);
    }

    [Fact]
    public async Task The_lab_own_sessions_are_not_counted_as_the_app()
    {
        var database = await TestDatabase.CreateAsync(fixture, "diagnosis_own", "CREATE TABLE t (id int);");
        await using var probe = await PostgresDiagnosis.OpenAsync(PostgresDiagnosis.ConnectionString(fixture.Server), "db", database.DatabaseName, TimeProvider.System, CancellationToken.None);
        await using var lab = new NpgsqlConnection(fixture.Server.ConnectionString(database.DatabaseName, pooling: false, lab: true));
        await lab.OpenAsync();

        var sample = await probe.SampleAsync(CancellationToken.None);

        Assert.Empty(sample.Queries!);
        Assert.Equal(0, sample.Figure("connections"));
    }
}

internal static class DiagnosisFigures
{
    public static double? Figure(this ResourceDiagnosis diagnosis, string label) => diagnosis.Figures.Single(f => f.Label == label).Value;
}
