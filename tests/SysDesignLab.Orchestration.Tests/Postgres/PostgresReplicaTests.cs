using System.Diagnostics;
using Npgsql;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Orchestration.Processes;
using Xunit.Abstractions;

namespace SysDesignLab.Orchestration.Tests.Postgres;

[Trait("Category", "Integration")]
public sealed class PostgresReplicaTests(ReplicaFixture fixture, ITestOutputHelper output) : IClassFixture<ReplicaFixture>, IAsyncLifetime
{
    private readonly string _stateRoot = LabPaths.CreateTemporaryStateRoot("sdlab-pg-replica-own-");
    private LabPaths OwnPaths => new(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, _stateRoot);
    private readonly List<PostgresReplica> _replicas = [];

    [Fact]
    public async Task A_row_written_on_the_primary_is_read_on_the_replica()
    {
        await ExecuteAsync(PrimaryShop, "CREATE TABLE orders (id int primary key, item text); INSERT INTO orders VALUES (1, 'tea');");

        var waited = await WaitUntilAsync(async () => await ScalarOnceReplayedAsync(ReplicaShop, "SELECT item FROM orders WHERE id = 1") is "tea", TimeSpan.FromSeconds(10));

        output.WriteLine($"visible on the replica after {waited.TotalMilliseconds:0} ms");
        Assert.True(await ScalarAsync(ReplicaShop, "SELECT pg_is_in_recovery()") is true);
    }

    [Fact]
    public async Task With_a_two_second_apply_delay_a_committed_write_is_not_visible_after_half_a_second_but_is_within_four()
    {
        var delayed = await StartReplicaAsync("delayed", fixture.Primary, new Dictionary<string, string> { ["recovery_min_apply_delay"] = "2s" });
        Assert.Equal(TimeSpan.FromSeconds(2), delayed.ApplyDelay);
        var onReplica = delayed.ConnectionString("shop", pooling: false);
        await ExecuteAsync(PrimaryShop, "CREATE TABLE notes (id int primary key, body text)");
        await WaitUntilAsync(async () => await ScalarAsync(onReplica, "SELECT to_regclass('notes') IS NOT NULL") is true, TimeSpan.FromSeconds(10));

        await ExecuteAsync(PrimaryShop, "INSERT INTO notes VALUES (1, 'committed')");
        var committed = Stopwatch.StartNew();
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        Assert.Equal(0L, await ScalarAsync(onReplica, "SELECT count(*) FROM notes"));
        var behind = await ReplicationStatus.ReadAsync(delayed, "shop", CancellationToken.None);
        Assert.True(behind.BytesBehind > 0, $"the primary should see the replica behind: {behind}");
        await WaitUntilAsync(async () => await ScalarAsync(onReplica, "SELECT count(*) FROM notes") is 1L, TimeSpan.FromSeconds(4) - committed.Elapsed);
        output.WriteLine($"visible on the delayed replica {committed.ElapsedMilliseconds} ms after the commit returned");
        Assert.InRange(committed.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task The_replica_refuses_writes_with_a_read_only_transaction_error()
    {
        var error = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(ReplicaShop, "CREATE TABLE written_on_replica (id int)"));

        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, error.SqlState);
    }

    [Fact]
    public async Task Pg_stat_replication_shows_the_standby_streaming()
    {
        await WaitUntilAsync(async () => (await ReplicationStatus.ReadAsync(fixture.Replica, "shop", CancellationToken.None)).IsStreaming, TimeSpan.FromSeconds(10));

        var status = await ReplicationStatus.ReadAsync(fixture.Replica, "shop", CancellationToken.None);
        output.WriteLine(status.ToString());
        Assert.Equal("streaming", status.State);
        Assert.NotNull(status.SentLsn);
        Assert.True(status.FlushLsn <= status.SentLsn && status.ReplayLsn <= status.FlushLsn, status.ToString());
        Assert.True(status.BytesBehind >= 0, status.ToString());
    }

    [Fact]
    public async Task The_replica_counts_the_reads_it_served()
    {
        var before = await ReplicationStatus.ReadAsync(fixture.Replica, "shop", CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            await ScalarAsync(ReplicaShop, "SELECT count(*) FROM generate_series(1, 10)");
        }

        // Counters are reported when a session ends; the reads' sessions have, once none is left.
        var after = before;
        await WaitUntilAsync(async () => (after = await ReplicationStatus.ReadAsync(fixture.Replica, "shop", CancellationToken.None)).ReplicaCommits >= before.ReplicaCommits + 3,
            TimeSpan.FromSeconds(10));
        Assert.True(after.ReplicaRowsReturned > before.ReplicaRowsReturned, $"{before} -> {after}");
    }

    [Fact]
    public async Task Stop_leaves_no_postmaster_of_the_replica_and_no_clone()
    {
        var replica = await StartReplicaAsync("stopped", fixture.Primary);
        var postmaster = replica.ProcessId!.Value;
        var children = ChildrenOf(postmaster);
        Assert.NotEmpty(children);

        await replica.StopAsync();

        Assert.False(BackgroundProcess.IsAlive(postmaster), "the replica's postmaster survived StopAsync");
        Assert.DoesNotContain(children, BackgroundProcess.IsAlive);
        Assert.False(Directory.Exists(replica.DataDirectory));
        Assert.False(replica.IsRunning);
    }

    [Fact]
    public async Task A_replica_cold_start_clones_the_primary_and_is_ready_within_seconds()
    {
        var replica = new PostgresReplica("cold", fixture.Primary, fixture.Paths);
        _replicas.Add(replica);
        var started = Stopwatch.StartNew();
        await replica.StartAsync(CancellationToken.None);
        var cloneAndStart = started.Elapsed;
        await new LabHost().WaitHealthyAsync(replica, CancellationToken.None);

        output.WriteLine($"clone + pg_ctl start: {cloneAndStart.TotalMilliseconds:0} ms; ready (in recovery, answering): {started.ElapsedMilliseconds} ms");
        Assert.InRange(started.Elapsed, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.Equal(Path.Combine(fixture.StateRoot, "postgres", "cold", "data"), replica.DataDirectory);
    }

    [Fact]
    public async Task A_replica_asking_fewer_connections_than_its_primary_is_refused_before_cloning()
    {
        var replica = new PostgresReplica("few", fixture.Primary, fixture.Paths, new Dictionary<string, string> { ["max_connections"] = "20" });

        var error = await Assert.ThrowsAsync<LabException>(() => replica.StartAsync(CancellationToken.None));

        Assert.Equal("Replica 'few' asks for max_connections=20, below its primary's 300: a hot standby needs at least as many. " +
            "Raise it, or leave it out to take the primary's.", error.Message);
        Assert.False(Directory.Exists(replica.DataDirectory));
    }

    [Fact]
    public async Task Two_servers_with_different_names_have_different_data_folders_and_run_at_once()
    {
        var a = new PostgresServer("a", OwnPaths);
        var b = new PostgresServer("b", OwnPaths);
        await a.StartAsync(CancellationToken.None);
        await b.StartAsync(CancellationToken.None);

        Assert.Equal(Path.Combine(_stateRoot, "postgres", "a", "data"), a.DataDirectory);
        Assert.Equal(Path.Combine(_stateRoot, "postgres", "b", "data"), b.DataDirectory);
        Assert.True(a.IsRunning && b.IsRunning);
        Assert.NotEqual(a.Port, b.Port);
        Assert.NotEqual(a.ProcessId, b.ProcessId);
        Assert.NotEqual(File.ReadAllText(a.PasswordFile), File.ReadAllText(b.PasswordFile));
        Assert.True(await a.IsHealthyAsync(CancellationToken.None) && await b.IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StopAllAsync_stops_both_servers_their_replica_and_one_the_old_layout_left_running()
    {
        var old = await OldLayout.CreateAsync(OwnPaths, "old_marker", running: true);
        var a = new PostgresServer("a", OwnPaths);
        var b = new PostgresServer("b", OwnPaths);
        await a.StartAsync(CancellationToken.None);
        await b.StartAsync(CancellationToken.None);
        var replica = await StartReplicaAsync("a-replica", a, paths: OwnPaths);
        var pids = new[] { old.PostmasterPid(), a.ProcessId, b.ProcessId, replica.ProcessId };
        Assert.DoesNotContain(null, pids);

        var steps = new List<string>();
        await PostgresServer.StopAllAsync(OwnPaths, new SynchronousProgress(steps.Add));

        Assert.DoesNotContain(pids, pid => BackgroundProcess.IsAlive(pid!.Value));
        Assert.Equal(["Stopping PostgreSQL replica 'a-replica'…", "Stopping PostgreSQL (left by an older lab version)…", "Stopping PostgreSQL 'a'…", "Stopping PostgreSQL 'b'…"],
            steps.Where(s => s.StartsWith("Stopping", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_running_cluster_written_before_replicas_gets_replication_access_when_adopted()
    {
        var first = new PostgresServer("db", OwnPaths);
        await first.StartAsync(CancellationToken.None);
        var hba = Path.Combine(first.DataDirectory, "pg_hba.conf");
        // What lab versions before replicas wrote, loaded by the running server.
        await File.WriteAllLinesAsync(hba, File.ReadLines(hba).Where(line => !line.Contains("replication", StringComparison.Ordinal)).ToList());
        await ExecuteAsync(first.ConnectionString("postgres", pooling: false), "SELECT pg_reload_conf()");

        var adopted = new PostgresServer("db", OwnPaths);
        await adopted.StartAsync(CancellationToken.None);
        Assert.False(adopted.StartedHere);
        var replica = await StartReplicaAsync("db-replica", adopted, paths: OwnPaths);

        Assert.Contains("host replication sdlab 127.0.0.1/32 scram-sha-256", File.ReadAllText(hba), StringComparison.Ordinal);
        Assert.True(await ScalarAsync(replica.ConnectionString("postgres", pooling: false), "SELECT pg_is_in_recovery()") is true);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.StopAsync();
        }
        await PostgresServer.StopAllAsync(OwnPaths);
        try
        {
            Directory.Delete(_stateRoot, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
            // Files owned by the postgres user when running as root: the OS temp cleaner takes them.
        }
    }

    private string PrimaryShop => fixture.Primary.ConnectionString("shop", pooling: false);
    private string ReplicaShop => fixture.Replica.ConnectionString("shop", pooling: false);

    private async Task<PostgresReplica> StartReplicaAsync(string name, PostgresServer primary, IReadOnlyDictionary<string, string>? settings = null, LabPaths? paths = null)
    {
        var replica = new PostgresReplica(name, primary, paths ?? fixture.Paths, settings);
        _replicas.Add(replica);
        await replica.StartAsync(CancellationToken.None);
        await new LabHost().WaitHealthyAsync(replica, CancellationToken.None);
        return replica;
    }

    internal static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    /// <summary>Null while the table the query reads has not reached the replica yet.</summary>
    private static async Task<object?> ScalarOnceReplayedAsync(string connectionString, string sql)
    {
        try
        {
            return await ScalarAsync(connectionString, sql);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return null;
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds; how long that took. Fails the test after <paramref name="timeout"/>.</summary>
    internal static async Task<TimeSpan> WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < timeout, $"still not true after {waited.ElapsedMilliseconds} ms");
            await Task.Delay(50);
        }
        return waited.Elapsed;
    }

    private static List<int> ChildrenOf(int pid)
    {
        var children = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var candidate))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                if (stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1] == pid.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    children.Add(candidate);
                }
            }
            catch (IOException)
            {
                // Gone while we looked.
            }
        }
        return children;
    }

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
