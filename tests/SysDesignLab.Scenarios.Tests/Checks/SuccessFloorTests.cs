using SysDesignLab.LoadTesting;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Tests.Checks;

/// <summary>Latency and per-request figures count only when enough requests succeeded (<see cref="CriterionEvaluator.SuccessFloor"/>).</summary>
public sealed class SuccessFloorTests
{
    private static CriterionSpec Criterion(string metric, string op, double value, string? endpoint = null) =>
        new() { Name = "c", Kind = "performance", Metric = metric, Op = op, Value = value, Endpoint = endpoint, Where = "w" };

    [Fact]
    public void A_fast_latency_does_not_pass_when_almost_every_request_failed_and_counts_again_at_the_floor()
    {
        var result = CriterionEvaluator.Evaluate(Criterion("p95Ms", "<=", 500), new Dictionary<string, double> { ["p95Ms"] = 20, ["successRate"] = 0.001 });
        Assert.False(result.Passed);
        Assert.Equal("20 ms — not counted: only 0.1% of requests succeeded", result.Actual);

        var atFloor = CriterionEvaluator.Evaluate(Criterion("p95Ms", "<=", 500), new Dictionary<string, double> { ["p95Ms"] = 20, ["successRate"] = CriterionEvaluator.SuccessFloor });
        Assert.True(atFloor.Passed);
        Assert.Equal("20 ms", atFloor.Actual);
    }

    [Theory]
    [InlineData("dbRowsPerRequest", 49)]
    [InlineData("seqScansPerRequest", 0)]
    [InlineData("peakDbConnections", 3)]
    [InlineData("rps", 9000)]
    [InlineData("p50Ms", 1)]
    [InlineData("p99Ms", 30)]
    public void Request_figures_do_not_pass_below_the_floor(string metric, double value)
    {
        var op = metric == "rps" ? ">=" : "<=";
        var result = CriterionEvaluator.Evaluate(Criterion(metric, op, 1000), new Dictionary<string, double> { [metric] = value, ["successRate"] = 0.5 });
        Assert.False(result.Passed);
        Assert.Contains("not counted: only 50.0% of requests succeeded", result.Actual, StringComparison.Ordinal);
    }

    [Fact]
    public void A_figure_that_fails_anyway_still_shows_with_the_note()
    {
        var result = CriterionEvaluator.Evaluate(Criterion("p95Ms", "<=", 500), new Dictionary<string, double> { ["p95Ms"] = 5000, ["successRate"] = 0.12 });
        Assert.False(result.Passed);
        Assert.Equal("5,000 ms — not counted: only 12.0% of requests succeeded", result.Actual);
    }

    [Fact]
    public void A_per_endpoint_figure_counts_on_that_endpoints_own_success()
    {
        var metrics = new Dictionary<string, double>
        {
            ["successRate"] = 0.95,
            [LoadMetrics.ForEndpoint("successRate", "write")] = 0.4,
            [LoadMetrics.ForEndpoint("p95Ms", "write")] = 20,
        };
        var result = CriterionEvaluator.Evaluate(Criterion("p95Ms", "<=", 750, "write"), metrics);
        Assert.False(result.Passed);
        Assert.Equal("20 ms — not counted: only 40.0% of write requests succeeded", result.Actual);
    }

    [Fact]
    public void Below_the_floor_only_success_and_goodput_figures_are_judged_as_measured()
    {
        var metrics = new Dictionary<string, double> { ["successRate"] = 0.01, ["goodput"] = 1, ["goodputVsBaseline"] = 1, ["p95Ms"] = 20 };
        Assert.False(CriterionEvaluator.Evaluate(Criterion("p95Ms", "<=", 500), metrics).Passed);
        foreach (var (metric, threshold) in new[] { ("successRate", 0.001), ("goodput", 0.5), ("goodputVsBaseline", 1.0) })
        {
            var result = CriterionEvaluator.Evaluate(Criterion(metric, ">=", threshold), metrics);
            Assert.True(result.Passed, $"{metric}: {result.Actual}");
            Assert.DoesNotContain("not counted", result.Actual, StringComparison.Ordinal);
        }
    }
}
