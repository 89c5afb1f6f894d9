namespace SysDesignLab.LoadTesting.Tests;

public sealed class ThresholdEvaluatorTests
{
    [Theory]
    [InlineData(199.9, "<", 200, true)]
    [InlineData(200, "<", 200, false)]
    [InlineData(200, "<=", 200, true)]
    [InlineData(500, ">", 500, false)]
    [InlineData(500.1, ">", 500, true)]
    [InlineData(0.999, ">=", 0.999, true)]
    [InlineData(0, "==", 0, true)]
    public void Compares_like_the_operator_reads(double actual, string op, double bound, bool passes) =>
        Assert.Equal(passes, ThresholdEvaluator.Compare(actual, op, bound));

    [Fact]
    public void Unknown_operator_is_an_argument_error() =>
        Assert.Throws<ArgumentException>(() => ThresholdEvaluator.Compare(1, "=>", 1));

    [Fact]
    public void Failing_threshold_reports_expected_and_actual_in_the_metric_unit()
    {
        var result = ThresholdEvaluator.Evaluate(ThresholdParser.Parse("p95<200ms"), new Dictionary<string, double> { ["p95Ms"] = 250.25 });

        Assert.False(result.Passed);
        Assert.Equal("< 200 ms", result.Expected);
        Assert.Equal("250.25 ms", result.ActualText);
        Assert.Equal("p95<200ms: FAILED (expected < 200 ms, actual 250.25 ms)", result.ToString());
    }

    [Fact]
    public void Metric_the_run_did_not_produce_fails_as_not_measured()
    {
        var result = ThresholdEvaluator.Evaluate(ThresholdParser.Parse("late_starts<10"), LoadMetrics.From(ClosedResult()));

        Assert.False(result.Passed);
        Assert.Null(result.Actual);
        Assert.Equal("not measured", result.ActualText);
    }

    [Fact]
    public void Metrics_of_a_run_feed_every_threshold()
    {
        var metrics = LoadMetrics.From(ClosedResult());
        var results = ThresholdEvaluator.EvaluateAll(
            [ThresholdParser.Parse("success_rate>0.99"), ThresholdParser.Parse("rps>400"), ThresholdParser.Parse("p99<=30ms"), ThresholdParser.Parse("error_rate<0.01")],
            metrics);

        Assert.Equal([true, true, false, true], results.Select(r => r.Passed));
    }

    private static LoadResult ClosedResult() =>
        new(1000, 995, 0.995, 500, 497.5, new LatencySummary(5, 20, 40, 90, 7), ErrorCounts.None, TimeSpan.FromSeconds(2), []);
}
