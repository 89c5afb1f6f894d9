using System.Diagnostics;
using SysDesignLab.Orchestration.Redis;
using Xunit.Abstractions;

namespace SysDesignLab.Orchestration.Tests.Redis;

/// <summary>
/// How long a learner waits for the cache: the first start in a new state folder (folders and the
/// password made, the lab's code not yet jitted) and a later one. Both are printed for the record.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RedisStartTimeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task First_and_later_starts_are_ready_within_a_few_seconds()
    {
        await using var lab = new RedisTestLab();
        var first = await TimeStartAsync(lab);
        var later = await TimeStartAsync(lab);

        output.WriteLine($"Redis ready: first start {first.TotalMilliseconds:0} ms, later start {later.TotalMilliseconds:0} ms");
        Assert.True(first < TimeSpan.FromSeconds(10), $"first start took {first}");
        Assert.True(later < TimeSpan.FromSeconds(5), $"later start took {later}");
    }

    private static async Task<TimeSpan> TimeStartAsync(RedisTestLab lab)
    {
        var stopwatch = Stopwatch.StartNew();
        var server = await lab.StartAsync("timed");
        var elapsed = stopwatch.Elapsed;
        await server.StopAsync();
        return elapsed;
    }
}
