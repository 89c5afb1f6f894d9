using Npgsql;
using SysDesignLab.Orchestration.Postgres;

namespace SysDesignLab.Orchestration.Tests.Postgres;

[Collection(PostgresCollection.Name)]
[Trait("Category", "Integration")]
public sealed class PostgresServerTests(PostgresFixture fixture)
{
    [Fact]
    public async Task Server_listens_on_loopback_and_runs_the_expected_settings()
    {
        await using var connection = new NpgsqlConnection(fixture.Server.ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('listen_addresses'), current_setting('max_connections'), inet_server_addr()::text", connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("127.0.0.1", reader.GetString(0));
        Assert.Equal(PostgresSettings.Defaults["max_connections"], reader.GetString(1));
        Assert.StartsWith("127.0.0.1", reader.GetString(2), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_second_server_object_adopts_the_running_server_and_does_not_stop_it()
    {
        var adopted = new PostgresServer("db", fixture.Paths);
        await adopted.StartAsync(CancellationToken.None);
        Assert.False(adopted.StartedHere);
        Assert.Equal(fixture.Server.Port, adopted.Port);
        await adopted.StopAsync();
        Assert.True(fixture.Server.IsRunning);
        Assert.True(await fixture.Server.IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Fresh_copy_starts_from_the_template_and_discards_earlier_changes()
    {
        var scripts = WriteScripts("CREATE TABLE items (id int primary key, name text);", "INSERT INTO items SELECT i, 'item ' || i FROM generate_series(1, 1000) i;");
        var templates = new DatabaseTemplates(fixture.Server);
        await templates.EnsureTemplateAsync("tpl_fresh", scripts, null, CancellationToken.None);

        await templates.CreateFreshCopyAsync("run_fresh", "tpl_fresh", CancellationToken.None);
        await ExecuteAsync("run_fresh", "DELETE FROM items WHERE id > 10");
        Assert.Equal(10L, await ScalarAsync("run_fresh", "SELECT count(*) FROM items"));

        await templates.CreateFreshCopyAsync("run_fresh", "tpl_fresh", CancellationToken.None);
        Assert.Equal(1000L, await ScalarAsync("run_fresh", "SELECT count(*) FROM items"));
    }

    [Fact]
    public async Task Template_is_rebuilt_only_when_its_scripts_change()
    {
        var progress = new List<string>();
        var reporter = new SynchronousProgress(progress.Add);
        var templates = new DatabaseTemplates(fixture.Server);
        var first = WriteScripts("CREATE TABLE t (v int); INSERT INTO t VALUES (1);");
        await templates.EnsureTemplateAsync("tpl_rebuild", first, reporter, CancellationToken.None);
        await templates.EnsureTemplateAsync("tpl_rebuild", first, reporter, CancellationToken.None);
        Assert.Single(progress);

        var second = WriteScripts("CREATE TABLE t (v int); INSERT INTO t VALUES (2);");
        await templates.EnsureTemplateAsync("tpl_rebuild", second, reporter, CancellationToken.None);
        Assert.Equal(2, progress.Count);
        await templates.CreateFreshCopyAsync("run_rebuild", "tpl_rebuild", CancellationToken.None);
        Assert.Equal(2, await ScalarAsync("run_rebuild", "SELECT v FROM t"));
    }

    [Fact]
    public async Task A_broken_seed_script_names_the_file_and_the_postgres_error()
    {
        var scripts = WriteScripts("CREATE TABLE ok (v int);", "INSERT INTO missing_table VALUES (1);");
        var error = await Assert.ThrowsAsync<LabException>(() =>
            new DatabaseTemplates(fixture.Server).EnsureTemplateAsync("tpl_broken", scripts, null, CancellationToken.None));
        Assert.Contains("1.sql", error.Message, StringComparison.Ordinal);
        Assert.Contains("missing_table", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activity_counts_the_rows_a_sequential_scan_reads()
    {
        var templates = new DatabaseTemplates(fixture.Server);
        await templates.EnsureTemplateAsync("tpl_activity", WriteScripts("CREATE TABLE big AS SELECT i FROM generate_series(1, 50000) i;"), null, CancellationToken.None);
        await templates.CreateFreshCopyAsync("run_activity", "tpl_activity", CancellationToken.None);
        var before = await DatabaseActivity.ReadAsync(fixture.Server, "run_activity", CancellationToken.None);
        await ScalarAsync("run_activity", "SELECT count(*) FROM big WHERE i % 7 = 0");
        await DatabaseActivity.WaitForNoBackendsAsync(fixture.Server, "run_activity", TimeSpan.FromSeconds(10), CancellationToken.None);
        var after = await DatabaseActivity.ReadAsync(fixture.Server, "run_activity", CancellationToken.None);
        Assert.InRange(after.RowsRead - before.RowsRead, 50_000, 60_000);
    }

    private async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.Server.ConnectionString(database, pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(fixture.Server.ConnectionString(database, pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is int i ? i : value;
    }

    private IReadOnlyList<string> WriteScripts(params string[] scripts)
    {
        var folder = Directory.CreateDirectory(Path.Combine(fixture.StateRoot, "sql-" + Guid.NewGuid().ToString("N")));
        return scripts.Select((sql, i) =>
        {
            var path = Path.Combine(folder.FullName, $"{i}.sql");
            File.WriteAllText(path, sql);
            return path;
        }).ToList();
    }

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
