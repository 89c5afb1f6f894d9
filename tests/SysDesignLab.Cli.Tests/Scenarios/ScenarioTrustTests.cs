using System.Diagnostics;
using SysDesignLab.Scenarios;
using Xunit.Abstractions;

namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>
/// The promise of every scenario, through the real CLI: `sdlab check` on the untouched naive app
/// exits 1 and `sdlab check --solution` exits 0, each writing its JSON. Run on their own
/// (Category=Scenario) so nothing else competes for the CPU while they measure.
/// </summary>
[Trait("Category", "Scenario")]
[Trait("Kind", "Trust")]
[Collection(ScenarioChecksCollection.Name)]
public sealed class ScenarioTrustTests(ITestOutputHelper output)
{
    private static ScenarioCatalog Catalog => new(Path.Combine(SdlabProcess.RepoRoot, "scenarios"));

    public static TheoryData<string> ScenarioIds()
    {
        var data = new TheoryData<string>();
        foreach (var id in Catalog.Ids())
        {
            data.Add(id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public async Task Naive_app_fails_check_and_solution_passes(string scenarioId)
    {
        using var sdlab = new SdlabProcess();
        var naive = await CheckAsync(sdlab, scenarioId, "naive");
        var solution = await CheckAsync(sdlab, scenarioId, "solution", "--solution");

        Assert.Equal(1, naive.ExitCode);
        Assert.False(naive.Report.GetProperty("passed").GetBoolean());
        Assert.Contains(naive.Criteria(), c => c.Kind == "performance" && !c.Passed);
        Assert.Contains(naive.Criteria(), c => c.Kind == "right-way" && !c.Passed);

        Assert.True(solution.ExitCode == 0, "the reference solution failed its check:\n" + solution.Output);
        Assert.All(solution.Criteria(), c => Assert.True(c.Passed, c.Name));

        // The headline contrast the curriculum promises. Where the manifest bounds goodput against the naive
        // app, the solution must clear 10× (or that bound, when physics on one machine allows less). A
        // scenario without such a bound shows its contrast otherwise: wrong answers (04: the naive app fails
        // fast, its flaw is a failed correctness criterion), or work per request that the fix takes off a
        // server (07: one machine cannot make a replica add throughput, but the primary's rows read per
        // request fall from ~120 to ~5).
        var criteria = Catalog.Find(scenarioId).Check.Criteria;
        var goodputBound = criteria
            .Where(c => c.Metric == "goodputVsBaseline")
            .Select(c => c.Value!.Value)
            .FirstOrDefault();
        if (goodputBound > 0)
        {
            var naiveGoodput = naive.Report.GetProperty("load").GetProperty("goodput").GetDouble();
            var solutionGoodput = solution.Report.GetProperty("load").GetProperty("goodput").GetDouble();
            Assert.True(solutionGoodput >= Math.Min(10, goodputBound) * Math.Max(naiveGoodput, 1), $"solution {solutionGoodput} ok req/s vs naive {naiveGoodput}");
        }
        else
        {
            var perRequest = criteria.Where(c => c.Metric?.EndsWith("PerRequest", StringComparison.Ordinal) == true).Select(c => c.Name).ToHashSet();
            Assert.Contains(naive.Criteria(), c => !c.Passed && (c.Kind == "correctness" || perRequest.Contains(c.Name)));
        }
    }

    private async Task<CheckRun> CheckAsync(SdlabProcess sdlab, string scenarioId, string label, params string[] extra)
    {
        var clock = Stopwatch.StartNew();
        var run = await CheckRun.RunAsync(sdlab, scenarioId, label, extra);
        output.WriteLine($"== {scenarioId} {label}: exit {run.ExitCode} in {clock.Elapsed.TotalSeconds:0} s");
        output.WriteLine(run.Output);
        KeepForTheRecord(scenarioId, label, run.Json);
        var load = run.Report.GetProperty("load");
        foreach (var field in new[] { "requests", "successRate", "rps" })
        {
            Assert.True(load.TryGetProperty(field, out _), $"load.{field} missing from the JSON");
        }
        foreach (var field in new[] { "p50", "p95", "p99", "max" })
        {
            Assert.True(load.GetProperty("latencyMs").TryGetProperty(field, out _), $"load.latencyMs.{field} missing from the JSON");
        }
        Assert.Equal(scenarioId, run.Report.GetProperty("scenario").GetString());
        return run;
    }

    private static void KeepForTheRecord(string scenarioId, string label, string json)
    {
        var folder = Path.Combine(SdlabProcess.RepoRoot, ".sdlab", "test-results");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"{scenarioId}-{label}.json"), json);
    }
}
