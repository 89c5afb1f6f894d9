using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Tests.Checks;

public sealed class CriterionEvaluatorTests
{
    private static CriterionSpec Criterion(string metric, string op, double value) =>
        new() { Name = "c", Kind = "performance", Metric = metric, Op = op, Value = value, Where = "w" };

    [Theory]
    [InlineData(">=", 0.99, 0.99, true)]
    [InlineData(">=", 0.99, 0.989, false)]
    [InlineData("<=", 250, 250, true)]
    [InlineData("<=", 250, 251, false)]
    [InlineData(">", 10, 10, false)]
    [InlineData("<", 10, 9.9, true)]
    public void Compares_the_metric_with_the_threshold(string op, double threshold, double actual, bool passes)
    {
        var result = CriterionEvaluator.Evaluate(Criterion("p95Ms", op, threshold), new Dictionary<string, double> { ["p95Ms"] = actual });
        Assert.Equal(passes, result.Passed);
    }

    [Fact]
    public void Words_expected_and_actual_for_a_learner()
    {
        var result = CriterionEvaluator.Evaluate(Criterion("successRate", ">=", 0.99), new Dictionary<string, double> { ["successRate"] = 0.4213 });
        Assert.Equal("≥ 99.0%", result.Expected);
        Assert.Equal("42.1%", result.Actual);
        Assert.Equal("w", result.Where);
    }

    [Fact]
    public void A_metric_that_was_not_measured_fails()
    {
        var result = CriterionEvaluator.Evaluate(Criterion("dbRowsPerRequest", "<=", 1000), new Dictionary<string, double>());
        Assert.False(result.Passed);
        Assert.Equal("not measured", result.Actual);
    }

    [Fact]
    public void Baseline_ratio_uses_successful_requests_with_a_floor_of_one_per_second()
    {
        var load = new SysDesignLab.LoadTesting.LoadResult(100, 100, 1, 500, 500, new SysDesignLab.LoadTesting.LatencySummary(1, 2, 3, 4, 1),
            SysDesignLab.LoadTesting.ErrorCounts.None, TimeSpan.FromSeconds(1), []);
        var baseline = new LoadFigures(10, 0, 5, 0, new LatencyFigures(5000, 5000, 5000, 5000), SysDesignLab.LoadTesting.ErrorCounts.None);
        var metrics = CheckMetrics.From(load, baseline, null);
        Assert.Equal(500, metrics["goodputVsBaseline"]);
        Assert.Equal(2500, metrics["p95VsBaseline"]);
        Assert.False(metrics.ContainsKey("dbRowsPerRequest"));
    }
}
