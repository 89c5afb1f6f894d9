using SysDesignLab.Progress;
using SysDesignLab.Scenarios.Lab;

namespace SysDesignLab.Scenarios.Tests.Lab;

/// <summary>How long a step should take: the median of this machine's recent runs, else a sum from the manifest.</summary>
public sealed class StepEstimateTests : IDisposable
{
    private readonly ScenarioFolder _folder = new(asRepository: true);
    private readonly string _state = Directory.CreateTempSubdirectory("sdlab-state-").FullName;
    private readonly LabWorkspace _workspace;
    private readonly Scenario _scenario;

    public StepEstimateTests()
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

    [Fact]
    public void With_history_the_estimate_is_the_median_of_the_last_five_runs()
    {
        // The oldest (600 s) falls out of the last five; one slow run among them does not move the median.
        foreach (var seconds in new[] { 600, 40, 42, 300, 38, 44 })
        {
            _workspace.Store.RecordStepTime(_scenario.Id, "measure", TimeSpan.FromSeconds(seconds));
        }

        var estimate = StepEstimate.For(_workspace.Store, _scenario, LabStep.Measure);

        Assert.Equal(TimeSpan.FromSeconds(42), estimate.Duration);
        Assert.Equal(5, estimate.Runs);
        Assert.Equal("about 40 s, from your last 5 checks", estimate.Describe());
    }

    [Fact]
    public void An_even_number_of_runs_takes_the_mean_of_the_middle_two_and_one_run_is_worded_singular()
    {
        var even = StepEstimate.FromHistory(LabStep.Baseline, [TimeSpan.FromSeconds(80), TimeSpan.FromSeconds(60), TimeSpan.FromSeconds(70), TimeSpan.FromSeconds(90)]);
        var one = StepEstimate.FromHistory(LabStep.Start, [TimeSpan.FromSeconds(20)]);

        Assert.Equal(TimeSpan.FromSeconds(75), even.Duration);
        Assert.Equal("about 1.5 min, from your last 4 baseline measurements", even.Describe());
        Assert.Equal("about 20 s, from your last start", one.Describe());
    }

    [Fact]
    public void Without_history_the_estimate_comes_from_the_manifest_and_says_so()
    {
        var measure = StepEstimate.For(_workspace.Store, _scenario, LabStep.Measure);
        var baseline = StepEstimate.For(_workspace.Store, _scenario, LabStep.Baseline);

        // The check profile: 1 s warm-up + 5 s, plus the start allowance; the baseline adds a build.
        Assert.Equal(TimeSpan.FromSeconds(16), measure.Duration);
        Assert.Equal(TimeSpan.FromSeconds(46), baseline.Duration);
        Assert.Equal(0, measure.Runs);
        Assert.Equal("about 15 s, first time: estimated", measure.Describe());
        Assert.Equal("about 45 s, first time: estimated", baseline.Describe());
    }

    [Fact]
    public void A_load_is_estimated_by_its_profile_whatever_earlier_loads_took()
    {
        _workspace.Store.RecordStepTime(_scenario.Id, "load", TimeSpan.FromSeconds(300));

        var load = StepEstimate.For(_workspace.Store, _scenario, LabStep.Load);

        Assert.Equal(TimeSpan.FromSeconds(6), load.Duration);
        Assert.Equal("warm-up + duration", load.Basis);
    }

    [Theory]
    [InlineData(3, "5 s")]
    [InlineData(42, "40 s")]
    [InlineData(58, "1 min")]
    [InlineData(95, "1.5 min")]
    [InlineData(130, "2 min")]
    public void Estimates_are_worded_as_a_person_would_round_them(int seconds, string words) =>
        Assert.Equal(words, StepEstimate.Words(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void A_check_times_its_build_baseline_and_measure_steps_from_the_runners_lines()
    {
        var heard = new List<StepProgress>();
        var lines = new List<string>();
        using (var clock = new StepClock(_workspace.Store, _scenario, _workspace.Time, new Inline<StepProgress>(heard.Add)))
        {
            var steps = new CheckSteps(clock, new Inline<string>(lines.Add));
            clock.Begin(LabStep.Build, "Building your app");
            steps.Report("Building your app…");
            steps.Report("Starting PostgreSQL…");
            steps.Report("Building the naive app to measure the baseline (once per machine)…");
            steps.Report("Measuring the naive baseline…");
            steps.Report("Measuring your app: 10 users, 1 s warm-up + 5 s…");
            clock.Complete();
        }

        Assert.Equal([LabStep.Build, LabStep.Baseline, LabStep.Measure], heard.Where(h => h.IsStart).Select(h => h.Kind));
        Assert.Equal("Measuring the naive app once (only the first check; the baseline your app is compared with; about 45 s, first time: estimated)",
            heard.Single(h => h.Kind == LabStep.Baseline).Headline());
        Assert.Equal(["Starting PostgreSQL…"], lines);
        foreach (var step in new[] { "build", "baseline", "measure" })
        {
            Assert.Single(_workspace.Store.GetStepTimes(_scenario.Id, step, 5));
        }
    }

    [Fact]
    public void A_step_cut_short_keeps_no_time()
    {
        using (var clock = new StepClock(_workspace.Store, _scenario, _workspace.Time, null))
        {
            clock.Begin(LabStep.Build, "Building your app");
        }

        Assert.Empty(_workspace.Store.GetStepTimes(_scenario.Id, "build", 5));
    }

    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
