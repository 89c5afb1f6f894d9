using SysDesignLab.Orchestration.Postgres;

namespace SysDesignLab.Orchestration.Tests.Postgres;

/// <summary>A primary and a streaming replica of it, started by a LabHost in a state folder of their own.</summary>
public sealed class ReplicaFixture : IAsyncLifetime
{
    public string StateRoot { get; } = LabPaths.CreateTemporaryStateRoot("sdlab-pg-replica-");
    public LabPaths Paths => new(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, StateRoot);
    public PostgresServer Primary { get; private set; } = null!;
    public PostgresReplica Replica { get; private set; } = null!;
    private LabHost _host = null!;

    public async Task InitializeAsync()
    {
        Primary = new PostgresServer("primary", Paths);
        Replica = new PostgresReplica("replica", Primary, Paths);
        _host = new LabHost();
        // Added replica first: the host starts the primary before it, since the replica waits for it.
        _host.Add(Replica);
        _host.Add(Primary);
        await _host.StartAsync();
        await PostgresReplicaTests.ExecuteAsync(Primary.ConnectionString("postgres", pooling: false), "CREATE DATABASE shop");
        await PostgresReplicaTests.WaitUntilAsync(async () => await PostgresReplicaTests.ScalarAsync(Replica.ConnectionString("postgres", pooling: false),
            "SELECT count(*) FROM pg_database WHERE datname = 'shop'") is 1L, TimeSpan.FromSeconds(10));
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        await PostgresServer.StopAllAsync(Paths);
        try
        {
            Directory.Delete(StateRoot, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
            // Files owned by the postgres user when running as root: the OS temp cleaner takes them.
        }
    }
}
