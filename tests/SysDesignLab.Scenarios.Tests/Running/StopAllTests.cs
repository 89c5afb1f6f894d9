using System.Diagnostics;
using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Tests.Running;

[Trait("Category", "Integration")]
public sealed class StopAllTests
{
    [Fact]
    public async Task Stop_stops_postgres_and_says_which_lab_command_was_still_using_it()
    {
        var paths = new LabPaths(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, LabPaths.CreateTemporaryStateRoot("sdlab-stopall-"));
        var server = new PostgresServer("db", paths);
        await server.StartAsync(CancellationToken.None);
        var leases = Path.Combine(Path.GetDirectoryName(server.DataDirectory)!, "leases");
        // Another lab command: a real process holding a lease file the way the lab names them (flock -o: sleep does not inherit it).
        using var other = Process.Start(new ProcessStartInfo("/bin/sh", ["-c", "exec flock -o -x \"$0/$$-other.lease\" sleep 60", leases]) { UseShellExecute = false })!;
        try
        {
            var waited = Stopwatch.StartNew();
            while (!server.LeaseHolders().Contains(other.Id) && waited.Elapsed < TimeSpan.FromSeconds(10))
            {
                await Task.Delay(50);
            }
            var steps = new List<string>();

            await new ScenarioStarter(new ScenarioEnvironment(paths)).StopAllAsync(new SynchronousProgress(steps.Add));

            // This test process, which started the server, holds a lease too.
            var holders = string.Join(", ", new[] { Environment.ProcessId, other.Id }.Order());
            Assert.Contains($"PostgreSQL 'db' is in use by another lab command (pid {holders}); stopping it anyway.", steps);
            Assert.False(server.IsRunning);
        }
        finally
        {
            other.Kill(entireProcessTree: true);
            await server.StopServerAsync();
        }
    }

    private sealed class SynchronousProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
