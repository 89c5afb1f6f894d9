using System.Diagnostics;
using SysDesignLab.Orchestration.Faults;
using SysDesignLab.Orchestration.Processes;
using SysDesignLab.Orchestration.Projects;
using Xunit.Abstractions;

namespace SysDesignLab.Orchestration.Tests.Faults;

/// <summary>
/// Faults done to a real process: the lab's own load balancer (the smallest real app at hand, built
/// beside the tests), started as the lab starts an app. What happened is read from the outside:
/// /health over HTTP, the process state in /proc.
/// </summary>
[Trait("Category", "Integration")]
public sealed class FaultRunnerTests(ITestOutputHelper output) : IDisposable
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromSeconds(0.5);
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = Timeout.InfiniteTimeSpan };
    private readonly string _root = Directory.CreateTempSubdirectory("sdlab-faults-").FullName;

    private DotnetAppResource App(string name = "app") =>
        new DotnetAppResource(name, Path.Combine(AppContext.BaseDirectory, "SysDesignLab.LoadBalancer.dll"), Path.Combine(_root, $"{name}.log"))
        {
            ExitWithLab = true,
        }
        // The balancer refuses to start without a replica; none is ever asked.
        .WithEnvironment("LoadBalancer__Destinations", () => "http://127.0.0.1:9");

    [Fact]
    public async Task A_pause_silences_health_for_its_length_and_it_answers_after()
    {
        await using var host = new LabHost();
        var app = host.Add(App());
        await host.StartAsync();
        var pid = app.ProcessId!.Value;
        var clock = Stopwatch.StartNew();
        var seen = new List<(TimeSpan Seen, FaultEvent Event)>();

        var run = FaultRunner.RunAsync(
            // 3 s: on a busy machine the test itself may run late, and its probe must still fall inside the pause.
            [new Fault(TimeSpan.FromSeconds(1), FaultAction.Pause, "app", TimeSpan.FromSeconds(3))],
            Resolve(app), e => seen.Add((clock.Elapsed, e)), TimeProvider.System, CancellationToken.None);

        Assert.True(await AnswersAsync(app), "the app did not answer before the pause");
        var untilInside = TimeSpan.FromSeconds(1.6) - clock.Elapsed;
        await Task.Delay(untilInside > TimeSpan.Zero ? untilInside : TimeSpan.Zero);
        // A stop takes effect once the kernel next runs the process: on a busy machine, not at once.
        for (var i = 0; i < 10 && State(pid) != 'T'; i++)
        {
            await Task.Delay(20);
        }
        Assert.Equal('T', State(pid));
        Assert.False(await AnswersAsync(app, seconds: 0.5), "the app answered while paused");
        var events = await run;
        Assert.True(await AnswersAsync(app), "the app did not answer after the pause");
        Assert.NotEqual('T', State(pid));

        Assert.Equal(2, events.Count);
        Assert.InRange(events[1].ActualAt - events[0].ActualAt, TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(3) + Tolerance);
        Assert.Collection(events,
            pause =>
            {
                Assert.Equal((FaultAction.Pause, true), (pause.Action, pause.Succeeded));
                Assert.Equal($"paused app (pid {pid}) for 3 s", pause.Message);
                AssertOnTime(TimeSpan.FromSeconds(1), pause);
            },
            resume =>
            {
                Assert.Equal((FaultAction.Resume, true), (resume.Action, resume.Succeeded));
                Assert.StartsWith($"resumed app (pid {pid}) after 3.", resume.Message, StringComparison.Ordinal);
                AssertOnTime(TimeSpan.FromSeconds(4), resume);
            });
        // The runner's own clock agrees with an outside one.
        Assert.All(seen, s => Assert.InRange(s.Seen - s.Event.ActualAt, TimeSpan.Zero, Tolerance));
    }

    [Fact]
    public async Task A_kill_ends_the_whole_process_group_and_marks_the_exit_as_the_schedules_and_a_second_kill_fails_readably()
    {
        await using var host = new LabHost();
        var app = host.Add(App());
        await host.StartAsync();
        var pid = app.ProcessId!.Value;

        var events = await FaultRunner.RunAsync(
            [new Fault(TimeSpan.FromSeconds(1), FaultAction.Kill, "app")], Resolve(app), null, TimeProvider.System, CancellationToken.None);

        var kill = Assert.Single(events);
        Assert.True(kill.Succeeded, kill.Message);
        Assert.Equal($"killed app (pid {pid}) and its process group", kill.Message);
        AssertOnTime(TimeSpan.FromSeconds(1), kill);
        Assert.False(BackgroundProcess.IsGroupAlive(pid), "a process of the group still runs");
        Assert.True(app.HasExited);
        Assert.True(app.KilledByFault);

        var again = Assert.Single(await FaultRunner.RunAsync(
            [new Fault(TimeSpan.Zero, FaultAction.Kill, "app")], Resolve(app), null, TimeProvider.System, CancellationToken.None));
        Assert.False(again.Succeeded);
        Assert.Equal($"app 'app' (pid {pid}) is not running (killed or crashed before): nothing to kill.", again.Message);
    }

    [Fact]
    public async Task A_restart_after_a_kill_brings_the_app_back_healthy_on_the_same_port()
    {
        await using var host = new LabHost();
        var app = host.Add(App());
        await host.StartAsync();
        var (pid, url) = (app.ProcessId!.Value, app.BaseUrl);

        var events = await FaultRunner.RunAsync(
            [new Fault(TimeSpan.FromSeconds(0.5), FaultAction.Kill, "app"), new Fault(TimeSpan.FromSeconds(1), FaultAction.Restart, "app")],
            Resolve(app), null, TimeProvider.System, CancellationToken.None);

        Assert.All(events, e => Assert.True(e.Succeeded, e.Message));
        var restart = events[1];
        Assert.Equal(FaultAction.Restart, restart.Action);
        AssertOnTime(TimeSpan.FromSeconds(1), restart);
        Assert.Equal(url, app.BaseUrl);
        Assert.NotEqual(pid, app.ProcessId);
        Assert.Contains($"at {url.ToString().TrimEnd('/')}", restart.Message, StringComparison.Ordinal);
        Assert.True(await AnswersAsync(app));
        Assert.False(app.KilledByFault);
    }

    [Fact]
    public async Task A_restart_of_a_running_app_stops_it_and_starts_it_again_on_the_same_port()
    {
        await using var host = new LabHost();
        var app = host.Add(App());
        await host.StartAsync();
        var (pid, url) = (app.ProcessId!.Value, app.BaseUrl);

        var events = await FaultRunner.RunAsync(
            [new Fault(TimeSpan.Zero, FaultAction.Restart, "app")], Resolve(app), null, TimeProvider.System, CancellationToken.None);

        Assert.True(Assert.Single(events).Succeeded, events[0].Message);
        Assert.False(BackgroundProcess.IsGroupAlive(pid));
        Assert.NotEqual(pid, app.ProcessId);
        Assert.Equal(url, app.BaseUrl);
        Assert.True(await AnswersAsync(app));
    }

    [Fact]
    public async Task Cancelling_during_a_pause_resumes_the_process_before_returning()
    {
        await using var host = new LabHost();
        var app = host.Add(App());
        await host.StartAsync();
        var pid = app.ProcessId!.Value;
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(1));

        var events = await FaultRunner.RunAsync(
            [new Fault(TimeSpan.FromSeconds(0.3), FaultAction.Pause, "app", TimeSpan.FromSeconds(30)),
             new Fault(TimeSpan.FromSeconds(20), FaultAction.Kill, "app")],
            Resolve(app), null, TimeProvider.System, cancel.Token);

        Assert.NotEqual('T', State(pid));
        Assert.True(await AnswersAsync(app), "the app does not answer after the cancelled pause");
        Assert.Equal([FaultAction.Pause, FaultAction.Resume], events.Select(e => e.Action));
        Assert.All(events, e => Assert.True(e.Succeeded, e.Message));
        Assert.Contains("early", events[1].Message, StringComparison.Ordinal);
        Assert.InRange(events[1].ActualAt, TimeSpan.FromSeconds(1) - Tolerance, TimeSpan.FromSeconds(1) + Tolerance);
    }

    [Fact]
    public async Task A_fault_on_an_unknown_target_or_one_without_a_process_is_a_failed_event_not_an_exception()
    {
        var database = new ProcesslessResource("orders");

        var events = await FaultRunner.RunAsync(
            [new Fault(TimeSpan.Zero, FaultAction.Kill, "wrker"), new Fault(TimeSpan.Zero, FaultAction.Pause, "orders", TimeSpan.FromSeconds(1))],
            name => name == "orders" ? database : null, null, TimeProvider.System, CancellationToken.None);

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.False(e.Succeeded));
        Assert.Equal("no resource named 'wrker' runs in this lab", events.Single(e => e.Target == "wrker").Message);
        Assert.StartsWith("database 'orders' has no process to pause", events.Single(e => e.Target == "orders").Message, StringComparison.Ordinal);
    }

    private void AssertOnTime(TimeSpan planned, FaultEvent happened)
    {
        output.WriteLine($"{happened.Action} {happened.Target}: planned {planned.TotalMilliseconds:0} ms, " +
            $"happened at {happened.ActualAt.TotalMilliseconds:0.0} ms ({happened.Lateness.TotalMilliseconds:+0.0;-0.0;0.0} ms)");
        Assert.Equal(planned, happened.PlannedAt);
        Assert.InRange(happened.ActualAt, planned - Tolerance, planned + Tolerance);
    }

    private static Func<string, LabResource?> Resolve(LabResource resource) => name => name == resource.Name ? resource : null;

    /// <summary>
    /// Whether /health answers 200 within <paramref name="seconds"/>: long enough for a busy machine
    /// by default, short when the caller expects silence and must look before the pause ends.
    /// </summary>
    private static async Task<bool> AnswersAsync(DotnetAppResource app, double seconds = 5)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        try
        {
            using var response = await Http.GetAsync(new Uri(app.BaseUrl, app.HealthPath), timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>The process's state letter from /proc: R running, S sleeping, T stopped.</summary>
    private static char State(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[stat.LastIndexOf(')') + 2];
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private sealed class ProcesslessResource(string name) : LabResource(name)
    {
        public override string Kind => "database";
        public override IReadOnlyList<Endpoint> Endpoints => [];
        public override string? LogPath => null;
        public override int? ProcessId => null;
        public override Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;
        public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(true);
        public override void ThrowIfFailed() { }
        public override Task StopAsync() => Task.CompletedTask;
    }
}
