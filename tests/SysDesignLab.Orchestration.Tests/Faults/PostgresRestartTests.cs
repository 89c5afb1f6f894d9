using System.Diagnostics;
using Npgsql;
using SysDesignLab.Orchestration.Faults;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Orchestration.Processes;
using Xunit.Abstractions;

namespace SysDesignLab.Orchestration.Tests.Faults;

/// <summary>One PostgreSQL server of the fault tests' own: the shared test server serves other tests meanwhile.</summary>
public sealed class FaultsPostgresFixture : IAsyncLifetime
{
    private readonly string _stateRoot = LabPaths.CreateTemporaryStateRoot("sdlab-pg-faults-");

    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new PostgresServer("db", new LabPaths(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, _stateRoot));
        var host = new LabHost();
        host.Add(Server);
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.StopServerAsync();
        try
        {
            Directory.Delete(_stateRoot, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
            // Files owned by the postgres user when running as root: the OS temp cleaner takes them.
        }
    }
}

/// <summary>
/// Faults done to a real PostgreSQL server, whose backends each lead a process group of their own:
/// a fault reaches them too, and a killed server comes back, crash recovery and all, where apps expect it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class PostgresRestartTests(FaultsPostgresFixture fixture, ITestOutputHelper output) : IClassFixture<FaultsPostgresFixture>
{
    private PostgresServer Server => fixture.Server;

    [Fact]
    public async Task A_pause_freezes_the_servers_backends_too_and_they_answer_after()
    {
        await using var connection = await OpenAsync();
        var clock = Stopwatch.StartNew();
        var run = FaultRunner.RunAsync(
            [new Fault(TimeSpan.Zero, FaultAction.Pause, "db", TimeSpan.FromSeconds(1.5))], Resolve, Log, TimeProvider.System, CancellationToken.None);

        // An open connection talks to its backend, not to the postmaster: only a frozen backend keeps it waiting.
        var query = ScalarAsync(connection, "SELECT 1");
        var events = await run;
        Assert.Equal(1, await query);

        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.4), $"the backend answered after {clock.Elapsed.TotalSeconds:0.00} s, during the pause");
        Assert.All(events, e => Assert.True(e.Succeeded, e.ToString()));
        Assert.Equal([FaultAction.Pause, FaultAction.Resume], events.Select(e => e.Action));
    }

    [Fact]
    public async Task Postgres_comes_back_on_the_same_port_after_a_kill_and_a_restart_and_after_a_restart_while_running()
    {
        var port = Server.Port;
        var firstPid = Server.ProcessId!.Value;
        int backend;
        await using (var connection = await OpenAsync())
        {
            backend = (int)(await ScalarAsync(connection, "SELECT pg_backend_pid()"))!;
        }
        var backendAfterKill = true;

        var events = await FaultRunner.RunAsync(
            [new Fault(TimeSpan.Zero, FaultAction.Kill, "db"),
             new Fault(TimeSpan.FromSeconds(0.3), FaultAction.Restart, "db"),
             new Fault(TimeSpan.FromSeconds(0.6), FaultAction.Restart, "db")],
            Resolve,
            e =>
            {
                Log(e);
                backendAfterKill = e.Action == FaultAction.Kill ? BackgroundProcess.IsAlive(backend) : backendAfterKill;
            },
            TimeProvider.System, CancellationToken.None);

        Assert.All(events, e => Assert.True(e.Succeeded, e.ToString()));
        Assert.Equal([FaultAction.Kill, FaultAction.Restart, FaultAction.Restart], events.Select(e => e.Action));
        Assert.False(backendAfterKill, "a backend outlived the kill");
        Assert.False(BackgroundProcess.IsGroupAlive(firstPid));
        Assert.NotEqual(firstPid, Server.ProcessId);
        Assert.Equal(port, Server.Port);
        Assert.All(events.Skip(1), e => Assert.Contains($"at 127.0.0.1:{port}", e.Message, StringComparison.Ordinal));
        Assert.All(events.Skip(1), e => Assert.DoesNotContain("was", e.Message, StringComparison.Ordinal));
        Assert.False(Server.KilledByFault);
        await using var again = await OpenAsync();
        Assert.Equal(1, await ScalarAsync(again, "SELECT 1"));
    }

    private LabResource? Resolve(string name) => name == Server.Name ? Server : null;

    private void Log(FaultEvent e) => output.WriteLine(e.ToString());

    private async Task<NpgsqlConnection> OpenAsync()
    {
        var connection = new NpgsqlConnection(Server.ConnectionString("postgres", pooling: false));
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
