namespace SysDesignLab.LoadTesting.Tests;

public sealed class HistogramCodecTests
{
    [Fact]
    public void Encoded_histogram_decodes_to_the_same_counts_and_percentiles()
    {
        var histogram = new LatencyHistogram();
        for (var micros = 1; micros <= 100_000; micros += 7)
        {
            histogram.Record(micros);
        }

        histogram.Record(59_000_000);

        var decoded = HistogramCodec.Decode(histogram.Encode());

        Assert.Equal(histogram.Count, decoded.TotalCount);
        foreach (var percentile in new[] { 50.0, 90, 99, 99.9, 100 })
        {
            Assert.Equal(histogram.PercentileMs(percentile), decoded.GetValueAtPercentile(percentile) / 1000.0);
        }
    }

    [Fact]
    public void Merging_per_worker_histograms_then_encoding_equals_encoding_all_values_in_one()
    {
        var workers = Enumerable.Range(0, 4).Select(_ => new LatencyHistogram()).ToArray();
        var single = new LatencyHistogram();
        var random = new Random(3);
        for (var i = 0; i < 10_000; i++)
        {
            var micros = random.NextInt64(1, 2_000_000);
            workers[i % workers.Length].Record(micros);
            single.Record(micros);
        }

        var merged = new LatencyHistogram();
        foreach (var worker in workers)
        {
            merged.Add(worker);
        }

        Assert.Equal(single.ToSummary(), merged.ToSummary());
        var a = HistogramCodec.Decode(merged.Encode());
        var b = HistogramCodec.Decode(single.Encode());
        Assert.Equal(b.TotalCount, a.TotalCount);
        Assert.Equal(b.GetValueAtPercentile(99.99), a.GetValueAtPercentile(99.99));
    }

    [Fact]
    public void Empty_run_has_no_histogram_text()
    {
        var result = new LoadResult(0, 0, 0, 0, 0, LatencySummary.Zero, ErrorCounts.None, TimeSpan.Zero, []);

        Assert.Null(result.LatencyHistogram);
        Assert.Null(result.Open);
        Assert.False(result.CpuWarning);
    }
}
