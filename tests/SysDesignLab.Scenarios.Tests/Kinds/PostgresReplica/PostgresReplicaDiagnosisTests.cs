using Npgsql;
using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Diagnosis;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Kinds.PostgresReplica;
using SysDesignLab.Scenarios.Manifest;
using SysDesignLab.Scenarios.Running;
using SysDesignLab.Scenarios.Tests.Kinds.Postgres;

namespace SysDesignLab.Scenarios.Tests.Kinds.PostgresReplica;

[Trait("Category", "Integration")]
public sealed class PostgresReplicaDiagnosisTests
{
    [Fact]
    public async Task Shows_the_rows_read_on_the_replica_and_its_replay_lag_behind_the_primary()
    {
        var manifest = ScenarioFolder.ValidManifest
            .Replace("""[{ "kind": "postgres", "name": "db" }]""", """[{ "kind": "postgres", "name": "db" }, { "kind": "postgres-replica", "name": "replica", "settings": { "primary": "db", "recovery_min_apply_delay": "1s" } }]""", StringComparison.Ordinal)
            .Replace("""["Chirp=db"]""", """["Chirp=db", "ChirpReplica=replica"]""", StringComparison.Ordinal);
        using var folder = new ScenarioFolder(manifest: manifest);
        File.WriteAllText(Path.Combine(folder.Path, "db", "schema.sql"), "CREATE TABLE posts (id int PRIMARY KEY, body text);");
        File.WriteAllText(Path.Combine(folder.Path, "db", "seed.sql"), "INSERT INTO posts SELECT i, 'seed' FROM generate_series(1, 20000) AS i;");
        var scenario = ManifestLoader.Load(folder.Path);
        var paths = new LabPaths(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, LabPaths.CreateTemporaryStateRoot("sdlab-replica-diagnosis-"));
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
            // Found the way the web lab finds it: from the replica's folder, not from the run.
            await using var probe = await new PostgresReplicaDiagnosis().OpenAsync(
                new DiagnosisResource("replica", "postgres-replica", scenario, "_test", paths, TimeProvider.System), CancellationToken.None);
            var first = await probe.SampleAsync(CancellationToken.None);
            // One write the replica applies (1 s later), so it has a last replayed commit to be behind from.
            await ExecuteAsync(primary, "INSERT INTO posts VALUES (-1, 'applied')");
            var deadline = DateTimeOffset.UtcNow.AddSeconds(10);
            while (await ScalarAsync(replica, "SELECT count(*) FROM posts WHERE id = -1") is not 1L && DateTimeOffset.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            // A reader scans the table on the replica and leaves (a backend reports its counters as it
            // ends); then a write on the primary that the replica holds back for 1 s.
            await using (var reader = new NpgsqlConnection(replica + ";Pooling=false"))
            {
                await reader.OpenAsync();
                await using var scan = new NpgsqlCommand("SELECT count(*) FROM posts WHERE id % 7 = 3", reader);
                await scan.ExecuteScalarAsync();
            }
            await ExecuteAsync(primary, "INSERT INTO posts VALUES (0, 'held back')");
            await Task.Delay(400);
            var during = await probe.SampleAsync(CancellationToken.None);

            Assert.Equal("postgres-replica", during.Kind);
            Assert.Null(first.Figure("rows read/s"));
            Assert.True(during.Figure("rows read/s") >= 20_000 / 5.0, $"rows read/s {during.Figure("rows read/s")}");
            // The insert is received but held back: what readers see is older than the delay's start.
            Assert.True(during.Figure("replay lag") >= 300, $"replay lag {during.Figure("replay lag")} ms");
        }
        finally
        {
            await LabRegistry.Default.Kind("postgres")!.StopAllAsync(paths, null);
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql) => await ScalarAsync(connectionString, sql);

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
