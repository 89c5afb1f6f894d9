using SysDesignLab.Orchestration;
using SysDesignLab.Progress;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Running;
using Xunit.Abstractions;

namespace SysDesignLab.Scenarios.Tests.Running;

/// <summary>
/// The promise of every scenario: on this machine, the untouched naive app fails its check and the
/// reference solution passes it. Run on their own (Category=Scenario) so nothing competes for the CPU.
/// </summary>
[Trait("Category", "Scenario")]
public sealed class ScenarioTrustTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _state = LabPaths.CreateTemporaryStateRoot("sdlab-trust-");

    public static TheoryData<string> ScenarioIds()
    {
        var root = LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!;
        var data = new TheoryData<string>();
        foreach (var id in new ScenarioCatalog(Path.Combine(root, "scenarios")).Ids())
        {
            data.Add(id);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(ScenarioIds))]
    public async Task Naive_app_fails_check_and_solution_passes(string scenarioId)
    {
        var paths = new LabPaths(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, _state);
        var scenario = new ScenarioCatalog(paths.ScenariosRoot).Find(scenarioId);
        using var store = ProgressStore.Open(paths.ProgressDatabase);
        var runner = new CheckRunner(new ScenarioEnvironment(paths), store);
        var callbacks = new CheckCallbacks(new InlineProgress(output.WriteLine));

        var naive = await runner.RunAsync(scenario, AppVariant.Learner, callbacks, CancellationToken.None);
        Report("naive", naive);
        var solution = await runner.RunAsync(scenario, AppVariant.Solution, callbacks, CancellationToken.None);
        Report("solution", solution);

        Assert.False(naive.Passed, "the untouched app passed its check");
        Assert.Contains(naive.Criteria, c => c.Kind == "performance" && !c.Passed);
        Assert.Contains(naive.Criteria, c => c.Kind == "right-way" && !c.Passed);
        Assert.True(solution.Passed, "the reference solution failed: " +
            string.Join("; ", solution.Criteria.Where(c => !c.Passed).Select(c => $"{c.Name}: expected {c.Expected}, got {c.Actual}")));
        // The headline contrast the curriculum promises.
        Assert.True(solution.Load.Goodput >= 10 * Math.Max(naive.Load.Goodput, 1),
            $"solution {solution.Load.Goodput:0.0} ok req/s vs naive {naive.Load.Goodput:0.0}");
    }

    private void Report(string label, CheckReport report)
    {
        output.WriteLine($"{label}: passed={report.Passed} ok req/s={report.Load.Goodput} success={report.Load.SuccessRate:P1} " +
            $"p50={report.Load.LatencyMs.P50} ms p95={report.Load.LatencyMs.P95} ms p99={report.Load.LatencyMs.P99} ms rows/request={report.DbRowsPerRequest}");
        foreach (var c in report.Criteria)
        {
            output.WriteLine($"  [{(c.Passed ? "pass" : "FAIL")}] {c.Name}: expected {c.Expected}, actual {c.Actual}");
        }
        var folder = Path.Combine(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, ".sdlab", "test-results");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"{report.Scenario}-{label}.json"), report.ToJson());
    }

    public void Dispose()
    {
        try
        {
            new ScenarioStarter(new ScenarioEnvironment(new LabPaths(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, _state)))
                .StopAllAsync(null).GetAwaiter().GetResult();
            Directory.Delete(_state, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
            // Server files owned by the postgres user when running as root.
        }
    }

    private sealed class InlineProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
