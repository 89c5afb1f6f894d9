using StackExchange.Redis;

namespace SysDesignLab.Orchestration.Tests.Redis;

/// <summary>maxmemory and its policy decide what a full cache does: drop old keys, or refuse the write.</summary>
[Trait("Category", "Integration")]
public sealed class RedisEvictionTests
{
    // 8 MB of values into a 4 MB server: full whatever Redis's own overhead.
    private const int Writes = 800;
    private static readonly string Value = new('x', 10_000);

    [Fact]
    public async Task Allkeys_lru_evicts_keys_instead_of_refusing_writes_when_full()
    {
        await using var lab = new RedisTestLab();
        var server = await lab.StartAsync(settings: new Dictionary<string, string> { ["maxmemory"] = "4mb", ["maxmemory-policy"] = "allkeys-lru" });
        await using var client = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var db = client.GetDatabase();

        for (var i = 0; i < Writes; i++)
        {
            Assert.True(await db.StringSetAsync($"item:{i}", Value));
        }

        await using var stats = new Orchestration.Redis.RedisStats(server);
        var figures = await stats.ReadAsync();
        Assert.True(figures.EvictedKeys > 0, $"nothing evicted: {figures}");
        Assert.InRange(figures.Keys, 1, Writes - 1);
        Assert.Equal(4L * 1024 * 1024, figures.MaxMemoryBytes);
        Assert.True(await db.KeyExistsAsync($"item:{Writes - 1}"), "the newest key was evicted");
    }

    [Fact]
    public async Task Noeviction_refuses_writes_with_OOM_when_full()
    {
        await using var lab = new RedisTestLab();
        var server = await lab.StartAsync(settings: new Dictionary<string, string> { ["maxmemory"] = "4mb", ["maxmemory-policy"] = "noeviction" });
        await using var client = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var db = client.GetDatabase();

        var refused = await Assert.ThrowsAsync<RedisServerException>(async () =>
        {
            for (var i = 0; i < Writes; i++)
            {
                await db.StringSetAsync($"item:{i}", Value);
            }
        });

        Assert.StartsWith("OOM", refused.Message, StringComparison.Ordinal);
        await using var stats = new Orchestration.Redis.RedisStats(server);
        var figures = await stats.ReadAsync();
        Assert.Equal(0, figures.EvictedKeys);
        Assert.True(await db.KeyExistsAsync("item:0"), "noeviction dropped a key");
        // Reads still work on a full server; only writes that need memory are refused.
        Assert.Equal(Value, (string?)await db.StringGetAsync("item:0"));
    }
}
