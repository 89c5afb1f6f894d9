using SysDesignLab.LoadTesting;
using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Lab;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Tests.Lab;

/// <summary>The lab's rules, kept once in the service that the CLI and the web lab both call.</summary>
public sealed class LabServiceTests : IDisposable
{
    private readonly ScenarioFolder _folder = new(asRepository: true);
    private readonly string _state = Directory.CreateTempSubdirectory("sdlab-state-").FullName;
    private readonly LabWorkspace _workspace;
    private readonly LabService _service;
    private readonly Scenario _scenario;

    public LabServiceTests()
    {
        File.WriteAllText(Path.Combine(_folder.Path, "app", "Program.cs"), "// shipped\n");
        File.WriteAllText(Path.Combine(_folder.Path, "solution", "Program.cs"), "// the reference fix\n");
        ShippedAppFixture.Record(_folder.Path);
        ShippedAppFixture.CommitAll(_folder.Root);
        _workspace = LabWorkspace.Create(_folder.Root, _state);
        _service = new LabService(_workspace);
        _scenario = _workspace.Catalog.Find("99");
    }

    private string App(string file) => Path.Combine(_scenario.AppDirectory, file);

    private CheckReport Report(AppVariant variant, bool passed) => new(
        _scenario.Id, variant.ToString().ToLowerInvariant(), passed, [],
        new LoadFigures(100, 1, 10, 10, new LatencyFigures(1, 2, 3, 4), ErrorCounts.None),
        null, null, null, DateTimeOffset.UnixEpoch, 1);

    [Fact]
    public void A_check_of_the_learners_app_is_recorded_as_an_attempt()
    {
        var attempt = _service.RecordCheck(_scenario, AppVariant.Learner, Report(AppVariant.Learner, passed: true));

        Assert.NotNull(attempt);
        var recorded = Assert.Single(_workspace.Store.GetAttempts(_scenario.Id));
        Assert.True(recorded.Passed);
        Assert.Equal(attempt.Id, recorded.Id);
        Assert.Contains("\"app\": \"learner\"", recorded.ResultJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AppVariant.Solution)]
    [InlineData(AppVariant.Naive)]
    public void A_check_of_another_app_than_the_learners_records_nothing(AppVariant variant)
    {
        var attempt = _service.RecordCheck(_scenario, variant, Report(variant, passed: true));

        Assert.Null(attempt);
        Assert.Empty(_workspace.Store.GetAttempts(_scenario.Id));
        Assert.False(_workspace.Store.Get(_scenario.Id).Passed);
    }

    [Fact]
    public async Task The_solution_is_refused_before_an_attempt_and_nothing_is_revealed()
    {
        var solution = await _service.SolutionAsync(_scenario, colour: false, CancellationToken.None);

        Assert.False(solution.Unlocked);
        Assert.Null(solution.Diff);
        Assert.False(_workspace.Store.Get(_scenario.Id).SolutionRevealed);
    }

    [Fact]
    public async Task A_check_of_the_reference_solution_does_not_unlock_the_solution()
    {
        _service.RecordCheck(_scenario, AppVariant.Solution, Report(AppVariant.Solution, passed: true));

        var solution = await _service.SolutionAsync(_scenario, colour: false, CancellationToken.None);

        Assert.False(solution.Unlocked);
    }

    [Fact]
    public async Task The_solution_is_shown_as_a_diff_after_a_failed_attempt_and_marked_revealed()
    {
        _service.RecordCheck(_scenario, AppVariant.Learner, Report(AppVariant.Learner, passed: false));

        var solution = await _service.SolutionAsync(_scenario, colour: false, CancellationToken.None);

        Assert.True(solution.Unlocked);
        Assert.Contains("-// shipped", solution.Diff, StringComparison.Ordinal);
        Assert.Contains("+// the reference fix", solution.Diff, StringComparison.Ordinal);
        Assert.True(_workspace.Store.Get(_scenario.Id).SolutionRevealed);
    }

    [Fact]
    public void Hints_come_one_at_a_time_in_order_and_the_last_stays()
    {
        var first = _service.Hint(_scenario);
        var second = _service.Hint(_scenario);
        var again = _service.Hint(_scenario);

        Assert.Equal((1, 2, "one", false), (first!.Number, first.Count, first.Text, first.IsLast));
        Assert.Equal(["one"], first.Revealed);
        Assert.Equal((2, "two", true), (second!.Number, second.Text, second.IsLast));
        Assert.Equal(["one", "two"], second.Revealed);
        Assert.Equal((2, "two", true), (again!.Number, again.Text, again.IsLast));
        Assert.Equal(2, _workspace.Store.Get(_scenario.Id).HintsShown);
    }

    [Fact]
    public async Task Reset_keeps_a_backup_of_the_learners_code_hides_the_hints_and_undo_brings_the_code_back()
    {
        File.WriteAllText(App("Program.cs"), "// my fix\n");
        _service.Hint(_scenario);
        _service.RecordCheck(_scenario, AppVariant.Learner, Report(AppVariant.Learner, passed: false));
        Assert.True(_service.ResetReplacesCode(_scenario));

        var outcome = await _service.ResetAsync(_scenario, keepCode: false, progress: null, CancellationToken.None);

        Assert.True(outcome.CodeReplaced);
        Assert.Equal("// shipped\n", File.ReadAllText(App("Program.cs")));
        Assert.StartsWith(Path.Combine(_state, "backups", _scenario.Id), outcome.Backup, StringComparison.Ordinal);
        Assert.Equal("// my fix\n", File.ReadAllText(Path.Combine(outcome.Backup!, "Program.cs")));
        var progress = _workspace.Store.Get(_scenario.Id);
        Assert.Equal((0, 1), (progress.HintsShown, progress.Attempts));

        await _service.UndoResetAsync(_scenario, progress: null, CancellationToken.None);

        Assert.Equal("// my fix\n", File.ReadAllText(App("Program.cs")));
    }

    [Fact]
    public async Task A_load_is_refused_when_the_scenario_is_not_running()
    {
        var refused = await Assert.ThrowsAsync<ScenarioNotRunningException>(() =>
            _service.LoadAsync(_scenario, _scenario.LoadProfile, _ => { }, CancellationToken.None));

        Assert.Equal("99-test is not running.", refused.Message);
        Assert.Null(refused.RunningInstead);
    }

    [Fact]
    public void A_load_while_another_scenario_runs_is_refused_and_names_the_one_that_runs()
    {
        // This test process stands in for the other scenario's app: run.json counts only a live pid.
        Running("01-other", "http://127.0.0.1:5000");

        var refused = Assert.Throws<ScenarioNotRunningException>(() => _service.LoadTarget(_scenario));

        Assert.Equal("99-test is not running (01-other is).", refused.Message);
    }

    [Fact]
    public void A_load_goes_to_the_running_apps_address()
    {
        Running(_scenario.Id, "http://127.0.0.1:5000");

        var target = _service.LoadTarget(_scenario);

        Assert.Equal(new Uri("http://127.0.0.1:5000/"), target.App);
        Assert.Equal("http://127.0.0.1:5000", target.Run.AppUrl);
    }

    [Fact]
    public void A_load_never_goes_to_another_machine_even_when_run_json_says_so()
    {
        Running(_scenario.Id, "http://example.com:5000");

        Assert.Throws<LoadTargetException>(() => _service.LoadTarget(_scenario));
    }

    private void Running(string scenario, string url) =>
        new RunState(scenario, "learner", DateTimeOffset.UnixEpoch, [new ResourceState("app", "app", Environment.ProcessId, url, null)])
            .Save(_workspace.Paths.RunState);

    [Fact]
    public void A_path_in_the_state_folder_outside_the_repository_is_shown_in_full_and_one_inside_it_short()
    {
        Assert.Equal(Path.Combine("scenarios", _scenario.Id, "app"), _workspace.Display(_scenario.AppDirectory));
        Assert.Equal(Path.Combine(_state, "backups"), _workspace.Display(Path.Combine(_state, "backups")));
    }

    public void Dispose()
    {
        _workspace.Dispose();
        _folder.Dispose();
        Directory.Delete(_state, recursive: true);
    }
}
