using StackExchange.Redis;
using SysDesignLab.Orchestration.Redis;

namespace SysDesignLab.Orchestration.Tests.Redis;

public sealed class RedisStatsTests
{
    [Fact]
    [Trait("Category", "Integration")]
    public async Task Stats_count_hits_and_misses_and_resetstat_zeroes_them()
    {
        await using var lab = new RedisTestLab();
        var server = await lab.StartAsync();
        await using var client = await ConnectionMultiplexer.ConnectAsync(server.ConnectionString);
        var db = client.GetDatabase();
        await using var stats = new RedisStats(server);
        await stats.ResetAsync();

        await db.StringSetAsync("present", "1");
        await db.StringSetAsync("also-present", "2");
        for (var i = 0; i < 3; i++)
        {
            await db.StringGetAsync("present");
        }
        await db.StringGetAsync("absent");

        var figures = await stats.ReadAsync();
        Assert.Equal(3, figures.Hits);
        Assert.Equal(1, figures.Misses);
        Assert.Equal(0.75, figures.HitRatio);
        Assert.Equal(2, figures.Keys);
        Assert.True(figures.Commands >= 6, $"commands: {figures.Commands}");
        Assert.True(figures.UsedMemoryBytes > 0);

        await stats.ResetAsync();
        var reset = await stats.ReadAsync();
        Assert.Equal(0, reset.Hits);
        Assert.Equal(0, reset.Misses);
        Assert.Null(reset.HitRatio);
        Assert.InRange(reset.Commands, 0, 2); // the reset and the lab's own INFO
        Assert.Equal(2, reset.Keys); // RESETSTAT zeroes counters, not data
    }

    [Fact]
    public void Info_parsing_reads_the_figures_from_all_three_sections()
    {
        const string info =
            "# Stats\r\ntotal_connections_received:4\r\ntotal_commands_processed:1234\r\ninstantaneous_ops_per_sec:7\r\n" +
            "evicted_keys:56\r\nkeyspace_hits:90\r\nkeyspace_misses:10\r\n\r\n" +
            "# Memory\r\nused_memory:1048576\r\nused_memory_human:1.00M\r\nmaxmemory:67108864\r\nmaxmemory_human:64.00M\r\nmaxmemory_policy:allkeys-lru\r\n\r\n" +
            "# Keyspace\r\ndb0:keys=12,expires=3,avg_ttl=1500\r\ndb3:keys=5,expires=0,avg_ttl=0\r\n";

        var figures = RedisStats.Parse(info);

        Assert.Equal(new RedisFigures(Hits: 90, Misses: 10, EvictedKeys: 56, UsedMemoryBytes: 1_048_576, MaxMemoryBytes: 67_108_864, Keys: 17, Commands: 1234) { Policy = "allkeys-lru" }, figures);
        Assert.Equal(0.9, figures.HitRatio);
    }

    [Fact]
    public void Info_parsing_treats_missing_fields_as_zero_and_skips_lines_it_does_not_understand()
    {
        const string info = "# Stats\nkeyspace_hits:not-a-number\nkeyspace_misses:2\nno colon here\n:no name\n# Keyspace\ndbx:keys=9\ndb0:expires=1,keys=4\n";

        var figures = RedisStats.Parse(info);

        Assert.Equal(new RedisFigures(Hits: 0, Misses: 2, EvictedKeys: 0, UsedMemoryBytes: 0, MaxMemoryBytes: 0, Keys: 4, Commands: 0), figures);
        Assert.Equal(RedisStats.Parse(""), new RedisFigures(0, 0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public void Hit_ratio_is_null_when_there_were_no_lookups() =>
        Assert.Null(new RedisFigures(Hits: 0, Misses: 0, EvictedKeys: 0, UsedMemoryBytes: 1, MaxMemoryBytes: 0, Keys: 1, Commands: 9).HitRatio);
}
