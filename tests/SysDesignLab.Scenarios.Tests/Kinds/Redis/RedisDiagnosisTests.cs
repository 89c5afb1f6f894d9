using StackExchange.Redis;
using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Redis;
using SysDesignLab.Scenarios.Diagnosis;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Kinds.Redis;
using SysDesignLab.Scenarios.Manifest;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Tests.Kinds.Redis;

[Trait("Category", "Integration")]
public sealed class RedisDiagnosisTests
{
    private static string Manifest(string settings) => ScenarioFolder.ValidManifest
        .Replace("""[{ "kind": "postgres", "name": "db" }]""", $$"""[{ "kind": "postgres", "name": "db" }, { "kind": "redis", "name": "cache", "settings": {{settings}} }]""", StringComparison.Ordinal)
        .Replace("""["Chirp=db"]""", """["Chirp=db", "cache"]""", StringComparison.Ordinal);

    [Fact]
    public async Task The_panel_shows_hits_misses_and_a_full_cache_evicting_under_the_policy_of_the_apps_redis_conf()
    {
        using var folder = new ScenarioFolder(manifest: Manifest("""{ "maxmemory": "2mb", "maxmemory-policy": "noeviction", "config": "redis.conf" }"""));
        var appFolder = Path.Combine(folder.Path, "app");
        File.WriteAllText(Path.Combine(appFolder, "redis.conf"), "# the app's choice\nmaxmemory-policy allkeys-lru\n");
        var scenario = ManifestLoader.Load(folder.Path);
        var paths = new LabPaths(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, LabPaths.CreateTemporaryStateRoot("sdlab-redis-diagnosis-"));
        var binding = (await new ScenarioEnvironment(paths).BindAsync(scenario, null, CancellationToken.None)).Single(b => b.Name == "cache");
        await using var host = new LabHost();
        var run = new RunContext(scenario, paths, "_test", exitWithLab: true, progress: null) { AppFolder = appFolder };
        binding.AddToRun(host, run);
        await host.StartAsync();
        await using var client = await ConnectionMultiplexer.ConnectAsync(binding.ConnectionString(run)!);
        var db = client.GetDatabase();

        await using var probe = await LabRegistry.Default.DiagnosisSource("redis")!.OpenAsync(
            new DiagnosisResource("cache", "redis", scenario, "_test", paths, TimeProvider.System), CancellationToken.None);
        var first = await probe.SampleAsync(CancellationToken.None);
        // 4 MB of pages into a 2 MB cache, each read back once, and one key that is not there.
        var page = new string('x', 700);
        for (var i = 0; i < 6000; i++)
        {
            await db.StringSetAsync($"post:{i}", page);
        }
        for (var i = 0; i < 50; i++)
        {
            await db.StringGetAsync("post:5999");
            await db.StringGetAsync("post:none");
        }
        var second = await probe.SampleAsync(CancellationToken.None);

        double? Figure(ResourceDiagnosis sample, string label) => sample.Figures.Single(f => f.Label == label).Value;
        Assert.Null(Figure(first, "hits/s")); // a rate needs two readings
        Assert.True(Figure(second, "hits/s") > 0, "no hits/s");
        Assert.True(Figure(second, "misses/s") > 0, "no misses/s");
        Assert.True(Figure(second, "evicted keys/s") > 0, "the app's allkeys-lru did not evict");
        Assert.Equal(0, Figure(second, "refused writes/s"));
        Assert.InRange(Figure(second, "of maxmemory")!.Value, 50, 105);
        Assert.All(second.Figures, f => Assert.False(string.IsNullOrEmpty(f.Term)));
        var server = run.Part<RedisServer>("cache")!;
        await using var stats = new RedisStats(server);
        Assert.Equal("allkeys-lru", (await stats.ReadAsync()).Policy);
    }

    [Fact]
    public void A_config_outside_the_apps_folder_is_a_manifest_error_naming_the_setting()
    {
        using var folder = new ScenarioFolder(manifest: Manifest("""{ "config": "../secrets.conf" }"""));

        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        Assert.Contains("resources[1].settings.config", error.Message);
        Assert.Contains("app's folder", error.Message);
    }
}
