using static SysDesignLab.Cli.Tests.Scenarios.CachingFixes;

namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>
/// Correct fixes of scenario 05 that are not the reference solution: another way to keep the shared
/// cache fresh (write-through), another eviction policy (LFU), and every entry with a TTL evicted by
/// volatile-lru. The check judges "one shared cache, fresh within a second, that forgets when full",
/// so each must pass.
/// </summary>
[Trait("Category", "Scenario")]
[Trait("Kind", "Fix")]
[Trait("Scenario", "05")]
[Collection(ScenarioChecksCollection.Name)]
public sealed class CachingValidFixTests
{
    [Fact]
    public async Task Check_passes_a_write_through_cache_that_rebuilds_the_page_on_a_like_and_evicts_by_lfu()
    {
        using var copy = new RepositoryCopy(Scenario);
        UseSolution(copy);
        // Write-through: the like stores the page as it is now instead of deleting it.
        copy.Edit(ProgramFile, Invalidate, """
                if (await LoadPostAsync(id) is { } liked)
                {
                    await cache.StringSetAsync(PageKey(id), JsonSerializer.Serialize(liked, JsonSerializerOptions.Web), pageTtl);
                }
            """);
        copy.Edit(ConfigFile, Policy, "maxmemory-policy allkeys-lfu");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "05", "write-through");

        Assert.True(check.ExitCode == 0, check.Output);
    }

    [Fact]
    public async Task Check_passes_a_short_ttl_with_invalidation_evicted_by_volatile_lru()
    {
        using var copy = new RepositoryCopy(Scenario);
        UseSolution(copy);
        // Every entry has a TTL, so volatile-lru (which evicts only keys with one) can always make room.
        copy.Edit(ProgramFile, Ttl, "var pageTtl = TimeSpan.FromSeconds(10);");
        copy.Edit(ConfigFile, Policy, "maxmemory-policy volatile-lru");
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "05", "short-ttl");

        Assert.True(check.ExitCode == 0, check.Output);
    }
}
