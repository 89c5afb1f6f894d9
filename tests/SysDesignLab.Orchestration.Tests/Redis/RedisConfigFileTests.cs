using SysDesignLab.Orchestration.Redis;

namespace SysDesignLab.Orchestration.Tests.Redis;

public sealed class RedisConfigFileTests
{
    [Fact]
    public void The_apps_file_gives_maxmemory_and_the_policy_in_redis_syntax_with_comments()
    {
        var (settings, errors) = RedisConfigFile.Parse(["# Chirp's cache", "", "maxmemory 4mb", "  maxmemory-policy   allkeys-lru  "]);

        Assert.Empty(errors);
        Assert.Equal("4mb", settings["maxmemory"]);
        Assert.Equal("allkeys-lru", settings["maxmemory-policy"]);
    }

    [Fact]
    public void A_directive_that_is_the_labs_is_refused_with_its_line_and_what_is_allowed()
    {
        var (_, errors) = RedisConfigFile.Parse(["maxmemory 4mb", "requirepass secret"]);

        var error = Assert.Single(errors);
        Assert.Contains("line 2", error);
        Assert.Contains("'requirepass'", error);
        Assert.Contains("maxmemory, maxmemory-policy", error);
    }

    [Fact]
    public void A_policy_redis_does_not_know_and_a_missing_value_are_refused_by_line()
    {
        var (_, errors) = RedisConfigFile.Parse(["maxmemory-policy forget-everything", "maxmemory"]);

        Assert.Equal(2, errors.Count);
        Assert.Contains("line 1", errors[0]);
        Assert.Contains("allkeys-lru", errors[0]);
        Assert.Contains("line 2", errors[1]);
        Assert.Contains("one value", errors[1]);
    }

    [Fact]
    public void A_missing_file_is_a_lab_error_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"sdlab-no-such-{Guid.NewGuid():N}", "redis.conf");

        var error = Assert.Throws<LabException>(() => RedisConfigFile.Read(path));

        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void Info_errorstats_and_memory_give_refused_writes_and_the_policy()
    {
        var figures = RedisStats.Parse("# Memory\r\nused_memory:4100000\r\nmaxmemory:4194304\r\nmaxmemory_policy:noeviction\r\n# Errorstats\r\nerrorstat_OOM:count=17\r\nerrorstat_ERR:count=2\r\n");

        Assert.Equal(17, figures.RejectedWrites);
        Assert.Equal("noeviction", figures.Policy);
        Assert.False(figures.Evicts);
        Assert.True(RedisStats.Parse("maxmemory_policy:allkeys-lfu\n").Evicts);
    }
}
