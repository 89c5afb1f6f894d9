namespace SysDesignLab.Orchestration.Tests;

public sealed class LabHostTests
{
    private sealed class FakeResource(string name, List<string> journal, bool healthy = true, bool crashes = false) : LabResource(name)
    {
        public override string Kind => "fake";
        public override IReadOnlyList<Endpoint> Endpoints => [];
        public override string? LogPath => null;
        public override int? ProcessId => null;
        public override TimeSpan StartupTimeout => TimeSpan.FromMilliseconds(300);
        public override Task StartAsync(CancellationToken cancellationToken) { journal.Add($"start {Name}"); return Task.CompletedTask; }
        public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(healthy);
        public override void ThrowIfFailed() { if (crashes) { throw new LabException($"{Name} crashed"); } }
        public override Task StopAsync() { journal.Add($"stop {Name}"); return Task.CompletedTask; }
    }

    [Fact]
    public async Task Resources_start_after_what_they_wait_for_and_stop_in_reverse()
    {
        var journal = new List<string>();
        await using (var host = new LabHost())
        {
            var server = new FakeResource("server", journal);
            var database = new FakeResource("database", journal);
            var app = new FakeResource("app", journal);
            app.WaitsFor(database);
            database.WaitsFor(server);
            host.Add(app);
            host.Add(database);
            host.Add(server);
            await host.StartAsync();
        }
        Assert.Equal(["start server", "start database", "start app", "stop app", "stop database", "stop server"], journal);
    }

    [Fact]
    public async Task A_dependency_outside_the_host_is_not_started_by_it()
    {
        var journal = new List<string>();
        var shared = new FakeResource("shared", journal);
        var host = new LabHost();
        host.Add(new FakeResource("app", journal)).WaitsFor(shared);
        await host.StartAsync();
        await host.StopAsync();
        Assert.Equal(["start app", "stop app"], journal);
    }

    [Fact]
    public async Task A_resource_that_never_gets_healthy_fails_with_its_name()
    {
        var host = new LabHost();
        host.Add(new FakeResource("sluggish", [], healthy: false));
        var error = await Assert.ThrowsAsync<LabException>(() => host.StartAsync());
        Assert.Contains("sluggish", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crash_while_starting_is_reported_at_once()
    {
        var host = new LabHost();
        host.Add(new FakeResource("app", [], healthy: false, crashes: true));
        var error = await Assert.ThrowsAsync<LabException>(() => host.StartAsync());
        Assert.Equal("app crashed", error.Message);
    }

    [Fact]
    public void A_dependency_cycle_is_an_error()
    {
        var a = new FakeResource("a", []);
        var b = new FakeResource("b", []);
        a.WaitsFor(b);
        b.WaitsFor(a);
        Assert.Throws<LabException>(() => LabHost.StartOrder([a, b]));
    }
}
