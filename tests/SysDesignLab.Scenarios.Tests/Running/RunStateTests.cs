using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Tests.Running;

public sealed class RunStateTests
{
    private static readonly RunState Single = new("99-test", "learner", 10, "http://127.0.0.1:5000", "/logs/app.log", "chirp", 5433, DateTimeOffset.UnixEpoch);

    private static ReplicaState Replica(int n) => new($"app-{n}", 100 + n, $"http://127.0.0.1:{6000 + n}", $"/logs/app-{n}.log");

    [Fact]
    public void A_single_app_has_one_log_called_app()
    {
        Assert.Equal([("app", "/logs/app.log")], Single.Logs());
    }

    [Fact]
    public void A_replicated_app_lists_the_balancer_log_first_and_then_each_instance()
    {
        var state = Single with
        {
            AppLog = "/logs/lb.log",
            Replicas = [Replica(1), Replica(2)],
        };

        Assert.Equal([("lb", "/logs/lb.log"), ("app-1", "/logs/app-1.log"), ("app-2", "/logs/app-2.log")], state.Logs());
    }

    [Fact]
    public void Replicas_survive_a_save_and_load()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("sdlab-runstate-").FullName, "run.json");
        var state = Single with { Replicas = [Replica(1), Replica(2)] };

        state.Save(file);

        var loaded = RunState.Load(file)!;
        Assert.Equal(state.Replicas, loaded.Replicas);
        Assert.Equal(state.Logs(), loaded.Logs());
    }

    [Fact]
    public void Psql_command_names_the_port_and_database_only_when_there_is_one()
    {
        Assert.Equal("psql -h 127.0.0.1 -p 5433 -U sdlab chirp", Single.PsqlCommand());
        Assert.Null((Single with { PostgresPort = null, Database = null }).PsqlCommand());
    }

    [Fact]
    public void Psql_command_reads_the_password_from_the_labs_password_file_so_it_is_never_shown()
    {
        Assert.Equal("PGPASSFILE=/repo/.sdlab/postgres/pgpass psql -h 127.0.0.1 -p 5433 -U sdlab chirp",
            (Single with { PasswordFile = "/repo/.sdlab/postgres/pgpass" }).PsqlCommand());
        Assert.Equal("PGPASSFILE='/my repo/pgpass' psql -h 127.0.0.1 -p 5433 -U sdlab chirp",
            (Single with { PasswordFile = "/my repo/pgpass" }).PsqlCommand());
    }
}
