namespace SysDesignLab.LoadTesting.Tests;

public sealed class LatencyHistogramTests
{
    // 3 significant digits: a reported value is within 0.1% of the true one.
    private const double Precision = 0.001;

    [Fact]
    public void Merged_histograms_report_percentiles_of_all_values()
    {
        var odd = new LatencyHistogram();
        var even = new LatencyHistogram();
        for (var ms = 1; ms <= 1000; ms++)
        {
            (ms % 2 == 0 ? even : odd).Record(ms * 1000L);
        }

        var merged = new LatencyHistogram();
        merged.Add(odd);
        merged.Add(even);

        Assert.Equal(1000, merged.Count);
        AssertClose(500, merged.PercentileMs(50));
        AssertClose(950, merged.PercentileMs(95));
        AssertClose(990, merged.PercentileMs(99));
    }

    [Fact]
    public void Summary_has_exact_max_and_mean_in_milliseconds()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(1_000);
        histogram.Record(2_000);
        histogram.Record(123_457);

        var summary = histogram.ToSummary();

        Assert.Equal(123.457, summary.Max, 9);
        Assert.Equal((1 + 2 + 123.457) / 3, summary.Mean, 9);
        AssertClose(2, summary.P50);
        AssertClose(123.457, summary.P99);
    }

    [Fact]
    public void Tail_latency_shows_in_p99_but_not_in_p50()
    {
        var histogram = new LatencyHistogram();
        for (var i = 0; i < 980; i++)
        {
            histogram.Record(2_000);
        }

        for (var i = 0; i < 20; i++)
        {
            histogram.Record(500_000);
        }

        AssertClose(2, histogram.PercentileMs(50));
        AssertClose(2, histogram.PercentileMs(95));
        AssertClose(500, histogram.PercentileMs(99));
    }

    [Fact]
    public void Values_beyond_60_seconds_are_clamped_instead_of_throwing()
    {
        var histogram = new LatencyHistogram();

        histogram.Record(90_000_000);

        Assert.Equal(60_000, histogram.ToSummary().Max);
        AssertClose(60_000, histogram.PercentileMs(99));
    }

    [Fact]
    public void Empty_histogram_reports_zero()
    {
        Assert.Equal(LatencySummary.Zero, new LatencyHistogram().ToSummary());
    }

    [Fact]
    public void Reset_forgets_everything()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(5_000);

        histogram.Reset();
        histogram.Record(1_000);

        Assert.Equal(1, histogram.Count);
        Assert.Equal(1, histogram.ToSummary().Max);
    }

    private static void AssertClose(double expectedMs, double actualMs) =>
        Assert.InRange(actualMs, expectedMs * (1 - Precision), expectedMs * (1 + Precision));
}
