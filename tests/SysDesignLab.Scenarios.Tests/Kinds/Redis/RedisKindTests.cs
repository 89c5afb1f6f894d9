using StackExchange.Redis;
using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Tests.Kinds.Redis;

[Trait("Category", "Integration")]
public sealed class RedisKindTests
{
    private static string Manifest(string settings) => ScenarioFolder.ValidManifest
        .Replace("""[{ "kind": "postgres", "name": "db" }]""", $$"""[{ "kind": "postgres", "name": "db" }, { "kind": "redis", "name": "cache", "settings": {{settings}} }]""", StringComparison.Ordinal)
        .Replace("""["Chirp=db"]""", """["Chirp=db", "cache"]""", StringComparison.Ordinal);

    [Fact]
    public void A_setting_redis_does_not_have_is_a_manifest_error_naming_the_resource()
    {
        using var folder = new ScenarioFolder(manifest: Manifest("""{ "maxmemory-policy": "forget-everything" }"""));

        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        Assert.Contains("resources[1].settings", error.Message);
        Assert.Contains("allkeys-lru", error.Message);
    }

    [Fact]
    public void A_reference_to_a_resource_that_does_not_exist_is_a_manifest_error()
    {
        using var folder = new ScenarioFolder(manifest: ScenarioFolder.ValidManifest.Replace("""["Chirp=db"]""", """["Chirp=db", "cache"]""", StringComparison.Ordinal));

        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        Assert.Contains("app.references[1]", error.Message);
    }

    [Fact]
    public async Task A_run_gets_an_empty_redis_and_the_metric_source_counts_its_hits_and_misses()
    {
        using var folder = new ScenarioFolder(manifest: Manifest("""{ "maxmemory": "16mb", "maxmemory-policy": "allkeys-lru" }"""));
        var scenario = ManifestLoader.Load(folder.Path);
        var paths = new LabPaths(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, LabPaths.CreateTemporaryStateRoot("sdlab-redis-kind-"));
        var environment = new ScenarioEnvironment(paths);
        var binding = (await environment.BindAsync(scenario, null, CancellationToken.None)).Single(b => b.Name == "cache");
        await using var host = new LabHost();
        var run = new RunContext(scenario, paths, "_test", exitWithLab: true, progress: null);
        binding.AddToRun(host, run);
        await host.StartAsync();

        // Connected first: the client's handshake looks up a tie-breaker key, a miss of its own.
        await using var client = await ConnectionMultiplexer.ConnectAsync(binding.ConnectionString(run)!);
        var window = await LabRegistry.Default.MetricSource("redis")!.StartAsync(binding, run, CancellationToken.None);
        {
            var db = client.GetDatabase();
            Assert.False((await db.StringGetAsync("post:1")).HasValue);
            await db.StringSetAsync("post:1", "cached");
            Assert.Equal("cached", (string?)await db.StringGetAsync("post:1"));
        }
        await window.LoadEndedAsync(CancellationToken.None);
        var figures = await window.FinishAsync(requests: 2, CancellationToken.None);

        Assert.Equal(1, figures["cacheHits"]);
        Assert.Equal(1, figures["cacheMisses"]);
        Assert.Equal(0.5, figures["cacheHitRatio"]);
        Assert.Equal("50.0%", LabRegistry.Default.Metrics.Write("cacheHitRatio", figures["cacheHitRatio"]));
        var connect = binding.ConnectCommand(run)!;
        Assert.Contains("redis-cli -p", connect);
        Assert.DoesNotContain(binding.ConnectionString(run)!.Split("password=")[1].Split(',')[0], connect);
    }
}
