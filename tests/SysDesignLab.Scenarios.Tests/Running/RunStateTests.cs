using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Tests.Running;

public sealed class RunStateTests
{
    private static readonly ResourceState App = new("app", "app", 10, "http://127.0.0.1:5000", "/logs/app.log");
    private static readonly ResourceState Postgres = new("db", "postgres", 20, "127.0.0.1:5433", "/pg/postgres.log", Shared: true,
        Connect: "PGPASSFILE=/pg/pgpass psql -h 127.0.0.1 -p 5433 -U sdlab chirp");

    private static ResourceState Replica(int n) => new($"app-{n}", "app", 100 + n, $"http://127.0.0.1:{6000 + n}", $"/logs/app-{n}.log");

    private static RunState State(params ResourceState[] resources) => new("99-test", "learner", DateTimeOffset.UnixEpoch, resources);

    [Fact]
    public void The_entry_point_is_the_first_resource_and_gives_the_apps_address()
    {
        var state = State(App, Postgres);

        Assert.Equal("http://127.0.0.1:5000", state.AppUrl);
        Assert.Equal(10, state.AppPid);
        Assert.Empty(state.Replicas);
    }

    [Fact]
    public void A_replicated_app_lists_the_balancer_log_first_and_then_each_instance()
    {
        var state = State(new ResourceState("lb", "app", 9, "http://127.0.0.1:7000", "/logs/lb.log"), Replica(1), Replica(2));

        Assert.Equal([("lb", "/logs/lb.log"), ("app-1", "/logs/app-1.log"), ("app-2", "/logs/app-2.log")], state.Logs());
        Assert.Equal(["app-1", "app-2"], state.Replicas.Select(r => r.Name));
    }

    [Fact]
    public void Stopping_the_app_leaves_shared_servers_to_sdlab_stop()
    {
        var state = State(App, Postgres, new ResourceState("cache", "redis", 30, "127.0.0.1:6379", "/logs/redis.log"));

        Assert.Equal(["app", "cache"], state.Owned.Select(r => r.Name));
    }

    [Fact]
    public void Resources_survive_a_save_and_load()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("sdlab-runstate-").FullName, "run.json");
        var state = State(App, Replica(1), Postgres);

        state.Save(file);

        var loaded = RunState.Load(file)!;
        Assert.Equal(state.Resources, loaded.Resources);
        Assert.Equal(state.Logs(), loaded.Logs());
        Assert.Equal([("db", Postgres.Connect!)], loaded.ConnectCommands());
    }

    [Fact]
    public void A_run_file_of_an_older_lab_version_reads_as_nothing_running()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("sdlab-runstate-").FullName, "run.json");
        File.WriteAllText(file, """{ "scenario": "01-single-server", "variant": "learner", "appPid": 10, "appUrl": "http://127.0.0.1:5000" }""");

        Assert.Null(RunState.Load(file));
    }
}
