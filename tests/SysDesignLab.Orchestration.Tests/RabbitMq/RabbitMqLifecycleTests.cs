using System.Diagnostics;
using SysDesignLab.Orchestration.Processes;
using SysDesignLab.Orchestration.RabbitMq;
using Xunit.Abstractions;

namespace SysDesignLab.Orchestration.Tests.RabbitMq;

/// <summary>A state folder shared by the lifecycle tests, whose nodes each test starts and stops itself.</summary>
public sealed class RabbitMqStateFolder : IAsyncLifetime
{
    public string StateRoot { get; } = LabPaths.CreateTemporaryStateRoot("sdlab-mq-life-");
    public LabPaths Paths => new(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, StateRoot);

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await RabbitMqServer.StopAllAsync(Paths);
        Directory.Delete(StateRoot, recursive: true);
    }
}

[Collection(RabbitMqCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RabbitMqLifecycleTests(RabbitMqStateFolder folder, ITestOutputHelper output) : IClassFixture<RabbitMqStateFolder>, IDisposable
{
    private readonly List<Process> _children = [];

    [Fact]
    public async Task Cold_and_warm_starts_answer_and_stopping_leaves_no_beam_epmd_or_erl_child_setup()
    {
        var first = new RabbitMqServer("cold", folder.Paths);
        var cold = await TimedStartAsync(first);
        var password = first.Password;
        Assert.True(first.StartedHere);
        Assert.True(await first.IsHealthyAsync(CancellationToken.None));
        var programs = NodeProcesses.Of(first.NodeName).Select(p => p.Program).ToList();
        Assert.Contains("beam.smp", programs);
        Assert.Contains("epmd", programs);
        Assert.Contains("erl_child_setup", programs);

        var stopping = Stopwatch.StartNew();
        await first.StopAsync();
        output.WriteLine($"Stop: {stopping.Elapsed.TotalSeconds:0.0} s");
        Assert.Empty(NodeProcesses.Of(first.NodeName));
        Assert.False(first.IsRunning);

        var second = new RabbitMqServer("cold", folder.Paths);
        var warm = await TimedStartAsync(second);
        Assert.True(second.StartedHere);
        Assert.Equal(password, second.Password);
        Assert.NotEmpty(NodeProcesses.Of(second.NodeName));
        await RabbitMqServer.StopAllAsync(folder.Paths);
        Assert.Empty(NodeProcesses.Of(second.NodeName));
        output.WriteLine($"Start with empty data (cold): {cold.TotalSeconds:0.0} s; with existing data (warm): {warm.TotalSeconds:0.0} s");
    }

    [Fact]
    public async Task A_node_an_app_holds_a_lease_on_outlives_its_starter_and_refuses_other_settings()
    {
        var owner = new RabbitMqServer("leased", folder.Paths);
        await TimedStartAsync(owner);
        var app = StartChild("sleep", "60");
        owner.LeaseFor(app.Id);

        await owner.StopAsync();

        Assert.True(owner.IsRunning);
        Assert.Equal([app.Id], new RabbitMqServer("leased", folder.Paths).LeaseHolders());
        var different = new RabbitMqServer("leased", folder.Paths, new Dictionary<string, string> { ["heartbeat"] = "30" });
        var error = await Assert.ThrowsAsync<LabException>(() => different.StartAsync(CancellationToken.None));
        Assert.Equal($"RabbitMQ node 'leased' is in use by another lab command (pid {app.Id}) with other settings; wait for it to finish or run `sdlab stop`.", error.Message);
    }

    [Fact]
    public async Task Stopping_finds_the_node_left_behind_by_a_killed_launcher()
    {
        var server = new RabbitMqServer("orphaned", folder.Paths);
        await TimedStartAsync(server);
        using var state = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(server.Folder, "node.json")));
        var launcher = state.RootElement.GetProperty("leaderPid").GetInt32();

        NativeMethods.Kill(launcher, NativeMethods.SIGKILL);
        await WaitAsync(() => !BackgroundProcess.IsAlive(launcher));
        Assert.Contains(NodeProcesses.Of(server.NodeName), p => p.Program == "beam.smp");

        await RabbitMqServer.StopAllAsync(folder.Paths);
        Assert.Empty(NodeProcesses.Of(server.NodeName));
    }

    [Fact]
    public void Unknown_or_malformed_settings_are_refused_with_readable_errors()
    {
        var error = Assert.Throws<LabException>(() => new RabbitMqServer("bad", folder.Paths, new Dictionary<string, string>
        {
            ["vm_memory_high_watermark"] = "lots",
            ["management"] = "off",
        }));
        Assert.Contains("'management' is not one the lab knows", error.Message, StringComparison.Ordinal);
        Assert.Contains("'vm_memory_high_watermark' is 'lots' but must be a fraction", error.Message, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        foreach (var child in _children.Where(c => !c.HasExited))
        {
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }
    }

    private async Task<TimeSpan> TimedStartAsync(RabbitMqServer server)
    {
        var starting = Stopwatch.StartNew();
        await server.StartAsync(CancellationToken.None);
        output.WriteLine($"{server.Name}: started in {starting.Elapsed.TotalSeconds:0.0} s, {NodeProcesses.CpuTime(server.NodeName).TotalSeconds:0.0} s of CPU " +
            $"(started here: {server.StartedHere}; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]})");
        return starting.Elapsed;
    }

    private Process StartChild(string fileName, params string[] arguments)
    {
        var child = Process.Start(new ProcessStartInfo(fileName, arguments) { UseShellExecute = false })!;
        _children.Add(child);
        return child;
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var waited = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), "timed out");
            await Task.Delay(50);
        }
    }
}
