namespace SysDesignLab.LoadTesting.Tests;

/// <summary>Open-model runs against a real Kestrel server (alone, see <see cref="KestrelCollection"/>).</summary>
[Collection(KestrelCollection.Name)]
public sealed class OpenModelTests(KestrelFixture server)
{
    [Fact]
    public async Task Achieved_rate_matches_the_target_rate()
    {
        var result = await new LoadRunner().RunAsync(server.BaseAddress, Profile("/ok", rate: 400, TimeSpan.FromSeconds(2)));

        Assert.NotNull(result.Open);
        Assert.Equal(400, result.Open.TargetRate);
        Assert.InRange(result.Open.AchievedRate, 400 * 0.97, 400 * 1.03);
        Assert.Equal(1.0, result.SuccessRate);
        Assert.Equal(0, result.Open.Dropped);
        Assert.NotNull(result.Open.UncorrectedHistogram);
    }

    [Fact]
    public async Task A_one_second_stall_shows_in_the_corrected_latency_but_not_in_the_uncorrected_percentiles()
    {
        // 200 req/s over 4 slots; the server freezes for 1 s about 0.5 s in. The 200 requests that fall due
        // during the freeze wait in the schedule: measured from their intended time they took up to ~1 s,
        // measured from their actual send (what a closed-model tool reports) they were quick.
        server.ArmStall(afterRequests: 100, TimeSpan.FromSeconds(1));
        var profile = Profile("/stall", rate: 200, TimeSpan.FromSeconds(2.5)) with { VirtualUsers = 4 };

        var result = await new LoadRunner().RunAsync(server.BaseAddress, profile);

        var open = result.Open!;
        Assert.InRange(result.LatencyMs.Max, 950, 3000);
        Assert.InRange(result.LatencyMs.P95, 500, 3000);
        Assert.InRange(open.UncorrectedLatencyMs.P95, 0, 200);
        Assert.InRange(open.UncorrectedLatencyMs.Max, 900, 3000);
        Assert.InRange(open.LateStarts, 100, long.MaxValue);
    }

    [Fact]
    public async Task A_backlog_left_by_the_warm_up_is_skipped_not_sent_late_in_the_measured_part()
    {
        // The server freezes from about 0.2 s to about 1.6 s; the warm-up ends at 1.5 s with some 260
        // requests due and unsent. Sent late, they would make the measured part's median several hundred
        // ms although the server answers in about 1 ms once it is back.
        server.ArmStall(afterRequests: 40, TimeSpan.FromSeconds(1.4));
        var profile = Profile("/stall", rate: 200, TimeSpan.FromSeconds(1)) with { VirtualUsers = 4, WarmUp = TimeSpan.FromSeconds(1.5) };

        var result = await new LoadRunner().RunAsync(server.BaseAddress, profile);

        var open = result.Open!;
        Assert.InRange(result.LatencyMs.P50, 0, 50);
        Assert.InRange(open.WarmUpSkipped, 150, 320);
        Assert.InRange(open.AchievedRate, 150, 230);
    }

    [Fact]
    public async Task Requests_that_never_got_a_slot_before_the_end_count_as_dropped_late_starts()
    {
        // One slot, a server that takes 5 s (cut by the 300 ms timeout): nearly every arrival waits.
        var profile = Profile("/slow", rate: 100, TimeSpan.FromSeconds(1)) with
        {
            VirtualUsers = 1,
            RequestTimeout = TimeSpan.FromMilliseconds(300),
        };

        var result = await new LoadRunner().RunAsync(server.BaseAddress, profile);

        var open = result.Open!;
        Assert.InRange(open.Dropped, 80, 110);
        Assert.InRange(open.LateStarts, open.Dropped, open.Dropped + 5);
        Assert.InRange(result.Requests, 1, 4);
    }

    private static LoadProfile Profile(string path, double rate, TimeSpan duration) => new()
    {
        VirtualUsers = 8,
        Duration = duration,
        RequestTimeout = TimeSpan.FromSeconds(3),
        ArrivalRate = rate,
        Endpoints = [new EndpointSpec { Name = path, Path = path }],
    };
}
