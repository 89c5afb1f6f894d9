using SysDesignLab.LoadTesting;
using SysDesignLab.Progress;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Lab;

namespace SysDesignLab.Scenarios.Tests.Lab;

/// <summary>Records that keep everything: the whole baseline, goodput and failed requests apart, the results table.</summary>
public sealed class ScenarioRecordTests : IDisposable
{
    private static readonly DateTimeOffset Measured = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly ScenarioFolder _folder = new(asRepository: true);
    private readonly string _state = Directory.CreateTempSubdirectory("sdlab-state-").FullName;
    private readonly LabWorkspace _workspace;
    private readonly Scenario _scenario;

    public ScenarioRecordTests()
    {
        _workspace = LabWorkspace.Create(_folder.Root, _state);
        _scenario = _workspace.Catalog.Find("99");
    }

    public void Dispose()
    {
        _workspace.Dispose();
        _folder.Dispose();
        Directory.Delete(_state, recursive: true);
    }

    private static readonly LoadFigures NaiveRun = new(400, 0.04, 20, 0.8,
        new LatencyFigures(5001, 5004, 5009, 5020), new ErrorCounts(0, 385, 0, 0, 0, 0, 0));

    // What an older sdlab kept: the four headline figures.
    private static Baseline Headline(LoadFigures f) => new("99-test", "hash", f.Goodput, f.Rps, f.LatencyMs.P95, f.SuccessRate, Measured);

    private CheckReport Report(LoadFigures? baseline, bool passed = true) => new(
        _scenario.Id, "learner", passed, [],
        new LoadFigures(9000, 0.9987, 450, 449.4, new LatencyFigures(20, 180, 300, 900), new ErrorCounts(0, 12, 0, 0, 0, 0, 0)),
        baseline, 12.5, 10, Measured, 61);

    [Fact]
    public void A_baseline_the_check_keeps_reads_every_figure_back()
    {
        _workspace.Store.SaveBaseline(StoredBaseline.Keep(_scenario.Id, "hash", NaiveRun, Measured));

        var stored = _workspace.Store.GetBaseline(_scenario.Id, "hash")!;

        Assert.True(stored.IsComplete);
        Assert.Equal(NaiveRun, StoredBaseline.Figures(stored));
    }

    [Fact]
    public void A_baseline_kept_by_an_older_version_reads_as_not_recorded_not_as_zero()
    {
        var old = Headline(NaiveRun);
        _workspace.Store.SaveBaseline(old);
        _workspace.Store.RecordAttempt(_scenario.Id, true, Report(StoredBaseline.Figures(old)).ToJson());

        var record = ScenarioRecord.Read(_workspace.Store, _scenario);

        Assert.NotNull(record.Baseline);
        Assert.Null(record.Baseline.P50Ms);
        Assert.Null(record.Baseline.FailedRequests);
        Assert.Equal(5004, record.Baseline.P95Ms);
        var table = ResultsTable.Markdown(record);
        Assert.Contains("| before: the naive app (2026-12-01) | 4.0% | 0.8 | – | 20.0 | – | 5 s | – | – |", table, StringComparison.Ordinal);
    }

    [Fact]
    public void The_results_table_fills_prediction_baseline_and_latest_attempt_with_goodput_and_failures_apart()
    {
        _workspace.Store.SaveBaseline(StoredBaseline.Keep("99-test", "hash", NaiveRun, Measured));
        _workspace.Store.RecordPrediction(_scenario.Id, 0.95, 200, "it is a small app");
        _workspace.Store.RecordAttempt(_scenario.Id, true, Report(NaiveRun).ToJson());

        var record = ScenarioRecord.Read(_workspace.Store, _scenario);
        var table = ResultsTable.Markdown(record).Split('\n');

        Assert.Equal("|  | success | goodput (ok req/s) | failed requests | req/s (all) | p50 | p95 | p99 | rows read / request |", table[0]);
        Assert.StartsWith("| you expected (", table[2], StringComparison.Ordinal);
        Assert.EndsWith("| 95% | – | – | – | – | 200 ms | – | – |", table[2], StringComparison.Ordinal);
        Assert.Equal("| before: the naive app (2026-12-01) | 4.0% | 0.8 | 385 | 20.0 | 5 s | 5 s | 5.01 s | – |", table[3]);
        Assert.EndsWith("| 99.9% | 449.4 | 12 | 450.0 | 20 ms | 180 ms | 300 ms | 12.5 |", table[4], StringComparison.Ordinal);
        Assert.Contains(table, l => l.StartsWith("Verdict of `./sdlab check 99`: PASSED", StringComparison.Ordinal));
        Assert.Equal("You expected 95% success, p95 200 ms; measured 99.9% success, p95 180 ms, 449.4 successful req/s, 12 failed requests.", record.Comparison);
    }

    [Fact]
    public void An_empty_record_says_which_command_fills_each_row()
    {
        var table = ResultsTable.Markdown(ScenarioRecord.Read(_workspace.Store, _scenario));

        Assert.Contains("`./sdlab predict 99`", table, StringComparison.Ordinal);
        Assert.Contains("`./sdlab check 99`", table, StringComparison.Ordinal);
        Assert.DoesNotContain("Verdict", table, StringComparison.Ordinal);
    }
}
