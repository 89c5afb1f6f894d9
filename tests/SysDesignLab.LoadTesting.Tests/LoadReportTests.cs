using System.Text;
using System.Text.Json;

namespace SysDesignLab.LoadTesting.Tests;

public sealed class LoadReportTests
{
    [Fact]
    public void Final_json_has_the_documented_top_level_fields_and_a_decodable_histogram()
    {
        var histogram = new LatencyHistogram();
        histogram.Record(1500);
        histogram.Record(2500);
        var result = new LoadResult(2, 2, 1, 1, 1, histogram.ToSummary(), ErrorCounts.None, TimeSpan.FromSeconds(2), [])
        {
            LatencyHistogram = histogram.Encode(),
            CpuPercent = 91,
        };

        using var json = Write(result);
        var root = json.RootElement;

        Assert.Equal("closed", root.GetProperty("model").GetString());
        Assert.Equal(2, root.GetProperty("requests").GetInt64());
        Assert.Equal(1, root.GetProperty("successRate").GetDouble());
        Assert.Equal(1, root.GetProperty("rps").GetDouble());
        foreach (var p in new[] { "p50", "p95", "p99", "max" })
        {
            Assert.True(root.GetProperty("latencyMs").GetProperty(p).GetDouble() > 0);
        }

        Assert.True(root.GetProperty("cpuWarning").GetBoolean());
        Assert.Equal(2, HistogramCodec.Decode(root.GetProperty("latencyHistogram").GetString()!).TotalCount);
        Assert.False(root.TryGetProperty("achievedRate", out _));
    }

    [Fact]
    public void Open_model_json_adds_uncorrected_latency_achieved_rate_and_late_starts()
    {
        var open = new OpenModelResult(1000, 998.5, 12, 2, 0, new LatencySummary(1, 2, 3, 4, 1.5), null);
        var result = new LoadResult(10, 10, 1, 998.5, 998.5, new LatencySummary(5, 6, 7, 8, 5.5), ErrorCounts.None, TimeSpan.FromSeconds(1), [])
        {
            Open = open,
        };

        using var json = Write(result);
        var root = json.RootElement;

        Assert.Equal("open", root.GetProperty("model").GetString());
        Assert.Equal(998.5, root.GetProperty("achievedRate").GetDouble());
        Assert.Equal(12, root.GetProperty("lateStarts").GetInt64());
        Assert.Equal(3, root.GetProperty("uncorrectedLatencyMs").GetProperty("p99").GetDouble());
        Assert.Equal(7, root.GetProperty("latencyMs").GetProperty("p99").GetDouble());
    }

    [Fact]
    public void Each_sample_is_one_json_line()
    {
        using var stream = new MemoryStream();
        var sample = new LoadSample(3, false, 100, 99, 100, 0.99, 1, 2, 3, ErrorCounts.None with { ServerError = 1 }) { CpuPercent = 40, LateStarts = 5 };

        LoadReport.WriteSampleLine(stream, sample);
        LoadReport.WriteSampleLine(stream, sample with { Second = 4 });

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal(3, first.RootElement.GetProperty("second").GetInt32());
        Assert.Equal(1, first.RootElement.GetProperty("errors").GetProperty("serverError").GetInt64());
        Assert.Equal(5, first.RootElement.GetProperty("lateStarts").GetInt64());
        Assert.Equal(40, first.RootElement.GetProperty("cpuPercent").GetDouble());
    }

    private static JsonDocument Write(LoadResult result)
    {
        using var stream = new MemoryStream();
        LoadReport.WriteResult(stream, result);
        return JsonDocument.Parse(stream.ToArray());
    }
}
