using SysDesignLab.LoadTesting;
using SysDesignLab.Web.Live;

namespace SysDesignLab.Web.Tests.Live;

public sealed class SampleViewTests
{
    [Fact]
    public void A_second_of_timeouts_is_failed_requests_never_throughput()
    {
        // Naive 01 at 100 users: every 5 s, the 100 requests sent 5 s earlier time out together.
        var sample = new LoadSample(7, false, 100, 0, 100, 0, 5004, 5010, 5012, ErrorCounts.None with { Timeout = 100 });

        var view = SampleView.From("load", sample);

        Assert.Equal(0, view.OkRps);
        Assert.Equal(100, view.FailedRps);
        Assert.Equal(0, view.SuccessRate);
    }

    [Fact]
    public void Successful_and_failed_requests_per_second_add_up_to_every_request()
    {
        var sample = new LoadSample(3, false, 200, 150, 400, 0.75, 12, 40, 80, ErrorCounts.None with { WrongBody = 50 }) { Cumulative = new LatencySummary(11, 38, 79, 120, 15) };

        var view = SampleView.From("load", sample);

        Assert.Equal(300, view.OkRps);
        Assert.Equal(100, view.FailedRps);
        Assert.Equal(38, view.Total!.P95);
    }

    [Fact]
    public void Before_the_first_response_latency_is_missing_not_zero()
    {
        var view = SampleView.From("load", new LoadSample(1, true, 0, 0, 0, 0, 0, 0, 0, ErrorCounts.None) { Cumulative = LatencySummary.Zero });

        Assert.Null(view.P50);
        Assert.Null(view.SuccessRate);
        Assert.Null(view.Total);
    }
}
