using static SysDesignLab.Cli.Tests.Scenarios.CachingFixes;

namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>
/// Scenario 05's tempting wrong fixes, from its "Stuck?" table: a cache in each instance's memory,
/// a Redis cache nobody invalidates, and a Redis cache left on noeviction. Each is fast; each must
/// fail on what it gets wrong, with advice that names it.
/// </summary>
[Trait("Category", "Scenario")]
[Trait("Kind", "Fix")]
[Trait("Scenario", "05")]
[Collection(ScenarioChecksCollection.Name)]
public sealed class CachingWrongFixTests
{
    [Fact]
    public async Task A_memory_cache_per_instance_fails_on_stale_likes()
    {
        using var copy = new RepositoryCopy(Scenario);
        UseSolution(copy);
        // The same cache-aside, in each process's own memory: a like clears only its own instance's copy.
        copy.Edit(ProgramFile, "using Npgsql;", "using Microsoft.Extensions.Caching.Memory;\nusing Npgsql;");
        copy.Edit(ProgramFile, "var cache = redis.GetDatabase();", "var cache = new MemoryCache(new MemoryCacheOptions());");
        copy.Edit(ProgramFile, "var cached = await cache.StringGetAsync(PageKey(id));\n    if (cached.HasValue)\n    {\n        return Results.Content((string)cached!, \"application/json\");",
            "if (cache.TryGetValue(PageKey(id).ToString(), out string? cached))\n    {\n        return Results.Content(cached!, \"application/json\");");
        copy.Edit(ProgramFile, "await cache.StringSetAsync(PageKey(id), json, pageTtl);", "cache.Set(PageKey(id).ToString(), json, pageTtl);");
        copy.Edit(ProgramFile, Invalidate, "    cache.Remove(PageKey(id).ToString());");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "05", "memory-cache");

        Assert.True(check.ExitCode == 1, check.Output);
        var fresh = check["Likes show up within 1 s"];
        Assert.False(fresh.Passed, check.Output);
        Assert.Contains("served stale data", fresh.Actual, StringComparison.Ordinal);
        Assert.Contains("MemoryCache lives in one instance", fresh.Where, StringComparison.Ordinal);
        Assert.True(check["p95 latency vs the naive app"].Passed, check.Output);
    }

    [Fact]
    public async Task A_redis_cache_with_a_ttl_of_hours_and_no_invalidation_fails_on_stale_likes()
    {
        using var copy = new RepositoryCopy(Scenario);
        UseSolution(copy);
        copy.Edit(ProgramFile, Ttl, "var pageTtl = TimeSpan.FromHours(6);");
        copy.Edit(ProgramFile, Invalidate, "");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "05", "ttl-hours");

        Assert.True(check.ExitCode == 1, check.Output);
        var fresh = check["Likes show up within 1 s"];
        Assert.False(fresh.Passed, check.Output);
        Assert.Contains("served stale data", fresh.Actual, StringComparison.Ordinal);
        Assert.Contains("TTL of hours", fresh.Where, StringComparison.Ordinal);
        // Everything else is right: staleness is the one thing wrong.
        Assert.True(check["Cache hit ratio"].Passed, check.Output);
        Assert.True(check["Redis evicts when full"].Passed, check.Output);
    }

    [Fact]
    public async Task A_redis_cache_left_on_noeviction_fails_when_it_fills_and_refuses_writes()
    {
        using var copy = new RepositoryCopy(Scenario);
        copy.UseSolutionProgram(); // the code of the fix, but app/redis.conf as shipped: noeviction
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "05", "noeviction");

        Assert.True(check.ExitCode == 1, check.Output);
        var evicts = check["Redis evicts when full"];
        Assert.False(evicts.Passed, check.Output);
        Assert.Contains("noeviction", evicts.Where, StringComparison.Ordinal);
        var refused = check["No cache writes refused"];
        Assert.False(refused.Passed, check.Output);
        Assert.True(check.Measured("No cache writes refused") > 0, check.Output);
        Assert.Contains("OOM", refused.Where, StringComparison.Ordinal);
    }
}
