using Npgsql;
using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Tests.Kinds.PostgresReplica;

[Trait("Category", "Integration")]
public sealed class PostgresReplicaKindTests
{
    private static string Manifest(string replicaSettings) => ScenarioFolder.ValidManifest
        .Replace("""[{ "kind": "postgres", "name": "db" }]""", $$"""[{ "kind": "postgres", "name": "db" }, { "kind": "postgres-replica", "name": "replica", "settings": {{replicaSettings}} }]""", StringComparison.Ordinal)
        .Replace("""["Chirp=db"]""", """["Chirp=db", "ChirpReadOnly=replica"]""", StringComparison.Ordinal);

    [Fact]
    public void A_replica_must_name_a_postgres_resource_as_its_primary()
    {
        using var folder = new ScenarioFolder(manifest: Manifest("""{ "primary": "cache" }"""));

        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        Assert.Contains("resources[1].settings.primary", error.Message);
        Assert.Contains("db", error.Message);
    }

    [Fact]
    public async Task A_run_clones_its_fresh_database_onto_the_replica_and_a_write_on_the_primary_is_read_there()
    {
        using var folder = new ScenarioFolder(manifest: Manifest("""{ "primary": "db" }"""));
        File.WriteAllText(Path.Combine(folder.Path, "db", "schema.sql"), "CREATE TABLE posts (id int PRIMARY KEY, body text);");
        File.WriteAllText(Path.Combine(folder.Path, "db", "seed.sql"), "INSERT INTO posts VALUES (0, 'seed');");
        var scenario = ManifestLoader.Load(folder.Path);
        var paths = new LabPaths(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, LabPaths.CreateTemporaryStateRoot("sdlab-replica-kind-"));
        var bindings = await new ScenarioEnvironment(paths).BindAsync(scenario, null, CancellationToken.None);
        await using var infrastructure = new LabHost();
        try
        {
            await ScenarioEnvironment.StartSharedAsync(infrastructure, bindings, null, CancellationToken.None);
            await using var host = new LabHost();
            var run = new RunContext(scenario, paths, "_test", exitWithLab: true, progress: null) { Bindings = bindings };
            foreach (var binding in bindings)
            {
                binding.AddToRun(host, run);
            }
            await host.StartAsync();
            var primary = bindings.Single(b => b.Name == "db").ConnectionString(run)!;
            var replica = bindings.Single(b => b.Name == "replica").ConnectionString(run)!;

            await ExecuteAsync(primary, "INSERT INTO posts VALUES (1, 'hello replica')");

            var seen = await PollAsync(replica, "SELECT body FROM posts WHERE id = 1");
            Assert.Equal("hello replica", seen);
            Assert.Contains("psql -h 127.0.0.1", bindings.Single(b => b.Name == "replica").ConnectCommand(run));
        }
        finally
        {
            await LabRegistry.Default.Kind("postgres")!.StopAllAsync(paths, null);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<string?> PollAsync(string connectionString, string sql)
    {
        var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
        while (true)
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(sql, connection);
            if (await command.ExecuteScalarAsync() is string value || DateTimeOffset.UtcNow > deadline)
            {
                return await command.ExecuteScalarAsync() as string;
            }
            await Task.Delay(100);
        }
    }
}
