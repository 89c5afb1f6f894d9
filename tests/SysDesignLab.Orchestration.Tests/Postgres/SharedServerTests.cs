using System.Diagnostics;
using Npgsql;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Tests.Postgres;

/// <summary>
/// One server in a state folder of its own, shared by lab commands, or left by an older lab version.
/// The other lab command is a real process: flock(1) holding a lease file named the way the lab names
/// them, for as long as it runs, as a second lab process would.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SharedServerTests : IAsyncLifetime
{
    private readonly string _stateRoot = LabPaths.CreateTemporaryStateRoot("sdlab-pg-lease-");
    private readonly List<Process> _children = [];
    private LabPaths Paths => new(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, _stateRoot);
    private string LeasesFolder => Path.Combine(Path.GetDirectoryName(new PostgresServer("db", Paths).DataDirectory)!, "leases");

    [Fact]
    public async Task The_starter_leaves_the_server_running_while_another_lab_process_holds_a_lease()
    {
        var owner = new PostgresServer("db", Paths);
        await owner.StartAsync(CancellationToken.None);
        Assert.True(owner.StartedHere);
        var other = await HoldLeaseInAnotherProcessAsync();

        await owner.StopAsync();

        Assert.True(owner.IsRunning);
        Assert.Equal([other.Id], new PostgresServer("db", Paths).LeaseHolders());

        // Once that process is gone its lease is stale, and the starter stops the server when it is done again.
        KillChild(other);
        await owner.StartAsync(CancellationToken.None);
        Assert.Empty(owner.LeaseHolders());
        await owner.StopAsync();
        Assert.False(owner.IsRunning);
    }

    [Fact]
    public async Task The_starter_stops_the_server_when_only_a_dead_process_left_a_lease()
    {
        var owner = new PostgresServer("db", Paths);
        await owner.StartAsync(CancellationToken.None);
        var dead = await DeadPidAsync();
        var stale = Path.Combine(LeasesFolder, $"{dead}-stale.lease");
        await File.WriteAllTextAsync(stale, "");

        Assert.Empty(owner.LeaseHolders());
        await owner.StopAsync();

        Assert.False(owner.IsRunning);
        Assert.False(File.Exists(stale));
    }

    [Fact]
    public async Task A_running_app_leased_by_pid_keeps_the_server_up()
    {
        var owner = new PostgresServer("db", Paths);
        await owner.StartAsync(CancellationToken.None);
        var app = StartChild("sleep", "60");
        owner.LeaseFor(app.Id);

        await owner.StopAsync();

        Assert.True(owner.IsRunning);
        Assert.Equal([app.Id], new PostgresServer("db", Paths).LeaseHolders());
    }

    [Fact]
    public async Task Other_settings_do_not_restart_a_server_another_lab_process_uses()
    {
        var owner = new PostgresServer("db", Paths);
        await owner.StartAsync(CancellationToken.None);
        var other = await HoldLeaseInAnotherProcessAsync();
        await owner.StopAsync();

        var different = new PostgresServer("db", Paths, new Dictionary<string, string> { ["max_connections"] = "50" });
        var error = await Assert.ThrowsAsync<LabException>(() => different.StartAsync(CancellationToken.None));

        Assert.Equal($"PostgreSQL is in use by another lab command (pid {other.Id}) with other settings; wait for it to finish or run `sdlab stop`.", error.Message);
        await using var connection = new NpgsqlConnection(owner.ConnectionString("postgres", pooling: false));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT current_setting('max_connections')", connection);
        Assert.Equal(PostgresSettings.Defaults["max_connections"], await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task A_cluster_left_by_an_older_lab_version_without_a_password_is_created_again_with_one()
    {
        var first = new PostgresServer("db", Paths);
        await first.StartAsync(CancellationToken.None);
        await first.StopServerAsync();
        // What older versions left: initdb --auth=trust, and no password file.
        await File.WriteAllTextAsync(Path.Combine(first.DataDirectory, "pg_hba.conf"), "host all all 127.0.0.1/32 trust\n");
        File.Delete(first.PasswordFile);

        var progress = new List<string>();
        var server = new PostgresServer("db", Paths) { Progress = new SynchronousProgress(progress.Add) };
        await server.StartAsync(CancellationToken.None);

        Assert.Contains(progress, line => line.Contains("without a password", StringComparison.Ordinal));
        var noPassword = new NpgsqlConnectionStringBuilder(server.ConnectionString("postgres", pooling: false)) { Password = null, Passfile = "/dev/null" };
        await using var refused = new NpgsqlConnection(noPassword.ConnectionString);
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => refused.OpenAsync());
        await using var connection = new NpgsqlConnection(server.ConnectionString("postgres", pooling: false));
        await connection.OpenAsync();
    }

    [Fact]
    public async Task A_cluster_left_in_the_old_layout_moves_into_the_servers_own_folder_with_its_databases()
    {
        var legacy = await OldLayout.CreateAsync(Paths, "kept_from_before", running: false);

        var progress = new List<string>();
        var server = new PostgresServer("db", Paths) { Progress = new SynchronousProgress(progress.Add) };
        await server.StartAsync(CancellationToken.None);

        Assert.Equal(Path.Combine(_stateRoot, "postgres", "db", "data"), server.DataDirectory);
        Assert.False(Directory.Exists(legacy.DataDirectory));
        Assert.Contains(progress, line => line.StartsWith("Moved PostgreSQL's data from ", StringComparison.Ordinal));
        await using var connection = new NpgsqlConnection(server.ConnectionString("kept_from_before", pooling: false));
        await connection.OpenAsync();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var child in _children)
        {
            KillChild(child);
        }
        await PostgresServer.StopAllAsync(Paths);
        try
        {
            Directory.Delete(_stateRoot, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
            // Files owned by the postgres user when running as root: the OS temp cleaner takes them.
        }
    }

    /// <summary>Another process holds a lease: flock(1) locks "{its pid}-….lease" and keeps it until killed.</summary>
    private async Task<Process> HoldLeaseInAnotherProcessAsync()
    {
        Directory.CreateDirectory(LeasesFolder);
        // exec keeps sh's pid, so the file is named after the process that holds the lock; -o keeps sleep from inheriting it.
        var child = StartChild("/bin/sh", "-c", "exec flock -o -x \"$0/$$-other.lease\" sleep 60", LeasesFolder);
        var waited = Stopwatch.StartNew();
        while (!new PostgresServer("db", Paths).LeaseHolders().Contains(child.Id))
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "the other process did not take its lease");
            await Task.Delay(50);
        }
        return child;
    }

    private Process StartChild(string fileName, params string[] arguments)
    {
        var child = Process.Start(new ProcessStartInfo(fileName, arguments) { UseShellExecute = false })!;
        _children.Add(child);
        return child;
    }

    private static void KillChild(Process child)
    {
        if (!child.HasExited)
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
    }

    private static async Task<int> DeadPidAsync()
    {
        using var gone = Process.Start(new ProcessStartInfo("true") { UseShellExecute = false })!;
        await gone.WaitForExitAsync();
        return gone.Id;
    }

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
