namespace SysDesignLab.LoadTesting.Tests;

public sealed class ThresholdParserTests
{
    [Theory]
    [InlineData("p95<200ms", "p95Ms", "<", 200)]
    [InlineData("p99<=1s", "p99Ms", "<=", 1000)]
    [InlineData("p50 < 500us", "p50Ms", "<", 0.5)]
    [InlineData("max<2.5s", "maxMs", "<", 2500)]
    [InlineData("p95<200", "p95Ms", "<", 200)]
    [InlineData("success_rate>0.999", "successRate", ">", 0.999)]
    [InlineData("success_rate>=99.9%", "successRate", ">=", 0.999)]
    [InlineData("rps>500", "rps", ">", 500)]
    [InlineData("goodput>=100", "goodput", ">=", 100)]
    [InlineData("achieved_rate>=1990", "achievedRate", ">=", 1990)]
    [InlineData("late_starts==0", "lateStarts", "==", 0)]
    [InlineData("uncorrected_p99<50ms", "uncorrectedP99Ms", "<", 50)]
    [InlineData("P95<1e3", "p95Ms", "<", 1000)]
    [InlineData("p95{write}<50ms", "p95Ms{write}", "<", 50)]
    [InlineData("success_rate{me}>=99%", "successRate{me}", ">=", 0.99)]
    public void Parses_metric_operator_and_value_in_the_metric_unit(string text, string metric, string op, double value)
    {
        var threshold = ThresholdParser.Parse(text);

        Assert.Equal(metric, threshold.Metric);
        Assert.Equal(op, threshold.Operator);
        Assert.Equal(value, threshold.Value, 9);
        Assert.Equal(text, threshold.Text);
    }

    [Fact]
    public void A_metric_that_is_not_measured_per_endpoint_is_refused_with_an_endpoint()
    {
        var error = Assert.Throws<FormatException>(() => ThresholdParser.Parse("cpu{write}<50"));

        Assert.Contains("not measured per endpoint", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("p96<200ms", "'p96'")]
    [InlineData("p95=<200ms", "'=<'")]
    [InlineData("p95<fast", "'fast'")]
    [InlineData("p95<200kg", "'kg'")]
    [InlineData("rps>500ms", "'ms'")]
    [InlineData("success_rate>2s", "'s'")]
    [InlineData("p95", "'p95'")]
    [InlineData("", "''")]
    public void Rejects_a_bad_expression_naming_the_bad_part(string text, string named)
    {
        var error = Assert.Throws<FormatException>(() => ThresholdParser.Parse(text));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
    }
}
