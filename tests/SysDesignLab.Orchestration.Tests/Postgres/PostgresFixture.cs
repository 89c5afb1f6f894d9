using SysDesignLab.Orchestration.Postgres;

namespace SysDesignLab.Orchestration.Tests.Postgres;

/// <summary>One real PostgreSQL server for the test collection, in a throwaway state folder.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    public string StateRoot { get; } = LabPaths.CreateTemporaryStateRoot("sdlab-pg-test-");
    public LabPaths Paths => new(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, StateRoot);
    public PostgresServer Server { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = new PostgresServer("db", Paths);
        var host = new LabHost();
        host.Add(Server);
        await host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Server.StopServerAsync();
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

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresFixture>
{
    public const string Name = "postgres";
}
