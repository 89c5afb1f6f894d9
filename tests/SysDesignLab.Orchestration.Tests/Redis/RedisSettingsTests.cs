using SysDesignLab.Orchestration.Redis;

namespace SysDesignLab.Orchestration.Tests.Redis;

public sealed class RedisSettingsTests
{
    [Fact]
    public void Validate_accepts_the_settings_a_scenario_may_give_in_redis_own_words()
    {
        var settings = new Dictionary<string, string> { ["maxmemory"] = "64mb", ["maxmemory-policy"] = "allkeys-lfu", ["appendonly"] = "yes" };
        Assert.Empty(RedisSettings.Validate(settings));
        Assert.Empty(RedisSettings.Validate(new Dictionary<string, string> { ["MaxMemory"] = "0", ["maxmemory-policy"] = "VOLATILE-TTL" }));
    }

    [Fact]
    public void Validate_names_an_unknown_setting_and_lists_the_allowed_ones()
    {
        var error = Assert.Single(RedisSettings.Validate(new Dictionary<string, string> { ["save"] = "60 1" }));
        Assert.Equal("Unknown Redis setting 'save'. A scenario may set: maxmemory, maxmemory-policy, appendonly.", error);
    }

    [Fact]
    public void Validate_says_which_eviction_policies_are_allowed()
    {
        var error = Assert.Single(RedisSettings.Validate(new Dictionary<string, string> { ["maxmemory-policy"] = "lru" }));
        Assert.Contains("'lru' is not a policy Redis knows", error, StringComparison.Ordinal);
        Assert.Contains("noeviction, allkeys-lru, allkeys-lfu, allkeys-random, volatile-lru, volatile-lfu, volatile-random, volatile-ttl", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("lots", "is not a size")]
    [InlineData("64 mb", "is not a size")]
    [InlineData("-1mb", "is not a size")]
    [InlineData("64", "is 64 bytes, less than Redis needs for itself (1mb). Give a unit, e.g. 64mb.")]
    public void Validate_explains_a_bad_maxmemory(string value, string expected) =>
        Assert.Contains(expected, Assert.Single(RedisSettings.Validate(new Dictionary<string, string> { ["maxmemory"] = value })), StringComparison.Ordinal);

    [Fact]
    public void Validate_wants_yes_or_no_for_appendonly_and_reports_every_problem()
    {
        var errors = RedisSettings.Validate(new Dictionary<string, string> { ["appendonly"] = "true", ["maxmemory-policy"] = "lru", ["timeout"] = "1" });
        Assert.Equal(3, errors.Count);
        Assert.Contains("Redis setting appendonly = 'true' must be yes or no.", errors);
    }

    [Theory]
    [InlineData("64mb", 64L * 1024 * 1024)]
    [InlineData("64m", 64_000_000L)]
    [InlineData("1GB", 1024L * 1024 * 1024)]
    [InlineData("500k", 500_000L)]
    [InlineData("1048576", 1_048_576L)]
    public void Sizes_count_as_redis_counts_them(string value, long bytes) => Assert.Equal(bytes, RedisSettings.ParseBytes(value));

    [Fact]
    public void Defaults_turn_persistence_off_and_cap_memory_without_evicting()
    {
        Assert.Equal("no", RedisSettings.Defaults["appendonly"]);
        Assert.Equal("noeviction", RedisSettings.Defaults["maxmemory-policy"]);
        Assert.Equal("1gb", RedisSettings.Defaults["maxmemory"]);
        var config = RedisSettings.ToConfigFile(6380, "secret", "/tmp/a \"b\"", RedisSettings.Merge(new Dictionary<string, string> { ["maxmemory"] = "64MB" }));
        Assert.Contains("save \"\"\n", config, StringComparison.Ordinal);
        Assert.Contains("appendonly no\n", config, StringComparison.Ordinal);
        Assert.Contains("maxmemory 64mb\n", config, StringComparison.Ordinal);
        Assert.Contains("dir \"/tmp/a \\\"b\\\"\"\n", config, StringComparison.Ordinal);
        Assert.Contains("bind 127.0.0.1\nport 6380\nprotected-mode yes\nrequirepass secret\n", config, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_settings_stop_the_server_from_being_made_with_one_readable_message()
    {
        var paths = new LabPaths(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, Path.Combine(Path.GetTempPath(), "sdlab-never-created"));
        var error = Assert.Throws<LabException>(() => new RedisServer("cache", paths, new Dictionary<string, string> { ["maxmemory-policy"] = "lru", ["appendonly"] = "maybe" }));
        Assert.Contains("maxmemory-policy = 'lru'", error.Message, StringComparison.Ordinal);
        Assert.Contains("appendonly = 'maybe'", error.Message, StringComparison.Ordinal);
        Assert.Null(error.InnerException);
    }
}
