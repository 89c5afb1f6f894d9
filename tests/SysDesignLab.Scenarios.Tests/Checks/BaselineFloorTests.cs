using SysDesignLab.LoadTesting;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Tests.Checks;

/// <summary>A naive app that served nothing is counted as 1 successful req/s, and the verdict says so.</summary>
public sealed class BaselineFloorTests
{
    private static readonly CriterionSpec TenTimesNaive =
        new() { Name = "vs naive", Kind = "performance", Metric = "goodputVsBaseline", Op = ">=", Value = 10, Where = "w" };

    private static LoadResult Load(double goodput) =>
        new(1000, 1000, 1, goodput, goodput, new LatencySummary(1, 2, 3, 4, 1), ErrorCounts.None, TimeSpan.FromSeconds(20), []);

    private static LoadFigures Naive(double goodput) =>
        new(100, goodput == 0 ? 0 : 1, 5, goodput, new LatencyFigures(5000, 5000, 5000, 5000), ErrorCounts.None);

    [Fact]
    public void A_naive_app_that_served_nothing_is_counted_as_one_request_per_second_and_the_verdict_says_so()
    {
        var metrics = CheckMetrics.From(Load(211), Naive(0), null);
        var result = CriterionEvaluator.Evaluate(TenTimesNaive, metrics);
        Assert.True(result.Passed);
        Assert.Equal(211, metrics["goodputVsBaseline"]);
        Assert.Equal("211× (naive app: 0.0 req/s, counted as 1.0 req/s)", result.Actual);

        // Above the floor the naive app's own figure divides, and there is nothing to explain.
        var measured = CriterionEvaluator.Evaluate(TenTimesNaive, CheckMetrics.From(Load(400), Naive(20), null));
        Assert.Equal("20×", measured.Actual);
    }
}
