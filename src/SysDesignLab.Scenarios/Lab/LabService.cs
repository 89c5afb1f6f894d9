using SysDesignLab.LoadTesting;
using SysDesignLab.Orchestration.Faults;
using SysDesignLab.Progress;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Lab;

/// <summary>
/// What a learner does in their lab, with the lab's rules kept once: start and stop a scenario,
/// load its running app, check it (an attempt only for their own app), hints one at a time, the
/// reference solution only after an attempt, reset with a copy of their code first. The CLI and
/// the web lab call this and only present what it returns.
/// </summary>
public sealed class LabService(LabWorkspace workspace)
{
    public LabWorkspace Workspace => workspace;

    private ScenarioStarter Starter => new(workspace.Environment, workspace.Time);

    private ScenarioReset Reset => new(workspace.Environment, workspace.Store, workspace.Time);

    /// <summary>Starts the scenario; <paramref name="steps"/> hears the start as one timed step (with its estimate) and every line of it.</summary>
    public async Task<RunState> StartAsync(Scenario scenario, AppVariant variant, IProgress<string>? progress, CancellationToken cancellationToken, IProgress<StepProgress>? steps = null)
    {
        using var clock = new StepClock(() => workspace.Store, scenario, workspace.Time, steps ?? new StepLines(progress));
        clock.Begin(LabStep.Start, $"Starting {scenario.Id}", "build, fresh database, app");
        var state = await Starter.StartAsync(scenario, variant, Lines(progress, steps), cancellationToken);
        clock.Complete();
        return state;
    }

    /// <summary>Stops the running app and every server of the lab. The web lab's process is its host's to stop.</summary>
    public Task StopAsync(IProgress<string>? progress) => Starter.StopAllAsync(progress);

    /// <summary>The running scenario when its app still answers, else null.</summary>
    public RunState? Running() => ScenarioStarter.Running(workspace.Paths);

    /// <summary>Where a load of <paramref name="scenario"/> goes: its running app, on this machine only.</summary>
    /// <exception cref="ScenarioNotRunningException">The scenario's app is not running (another may be).</exception>
    public LoadTarget LoadTarget(Scenario scenario)
    {
        var state = Running();
        if (state is null || state.Scenario != scenario.Id)
        {
            throw new ScenarioNotRunningException(scenario, state?.Scenario);
        }
        var app = new Uri(state.AppUrl);
        // run.json is a file anyone can edit: the generator still aims at nothing but this machine.
        LoopbackGuard.EnsureAllowed(app, allowRemote: false);
        return new LoadTarget(scenario, state, app, scenario.App.Metrics is { } metrics ? new Uri(app, metrics) : null);
    }

    /// <summary>Loads the scenario's running app with <paramref name="profile"/>; refused when it is not running.</summary>
    public Task<LoadResult> LoadAsync(Scenario scenario, LoadProfile profile, Action<LoadSample> onSample, CancellationToken cancellationToken) =>
        LoadAsync(LoadTarget(scenario), profile, onSample, cancellationToken);

    /// <summary>
    /// Loads a target found by <see cref="LoadTarget"/> (for a caller that shows where it goes before
    /// it starts), with the scenario's load fault schedule beside it: `sdlab load` and the web lab
    /// inject the same faults. A process paused by the schedule is always continued before this returns.
    /// </summary>
    public async Task<LoadResult> LoadAsync(LoadTarget target, LoadProfile profile, Action<LoadSample> onSample, CancellationToken cancellationToken, Action<FaultEvent>? onFault = null, IProgress<StepProgress>? steps = null)
    {
        using var clock = steps is null ? null : new StepClock(() => workspace.Store, target.Scenario, workspace.Time, steps);
        clock?.Begin(LabStep.Load, $"Loading {target.Scenario.Id}: {profile.VirtualUsers} users");
        using var faultsEnd = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var faults = FaultRunner.RunAsync(target.Scenario.LoadFaults, StartedProcess.Resolver(target.Run), onFault, workspace.Time, faultsEnd.Token);
        try
        {
            return await new LoadRunner(workspace.Time).RunAsync(target.App, profile, onSample, cancellationToken);
        }
        finally
        {
            await faultsEnd.CancelAsync();
            await faults;
        }
    }

    /// <summary>Runs the scenario's check on one app and records the attempt when that app is the learner's.</summary>
    /// <remarks>
    /// <paramref name="steps"/> hears each long step (building, measuring the naive app on the first
    /// check, measuring the app) with its estimate, then about once a second; without it, each step's
    /// headline goes to the callbacks' progress. Either way each step's time is kept for the next estimate.
    /// </remarks>
    public async Task<CheckOutcome> CheckAsync(Scenario scenario, AppVariant variant, CheckCallbacks callbacks, CancellationToken cancellationToken, IProgress<StepProgress>? steps = null)
    {
        // Before anything builds: a lab that cannot have the shipped app says so at once.
        await NaiveSnapshot.EnsureAsync(scenario, cancellationToken);
        using var clock = new StepClock(workspace.Store, scenario, workspace.Time, steps ?? new StepLines(callbacks.Progress));
        clock.Begin(LabStep.Build, variant switch
        {
            AppVariant.Learner => "Building your app",
            AppVariant.Solution => "Building the reference solution",
            _ => "Building the naive app",
        }, "and starting the database");
        var timed = callbacks with { Progress = new CheckSteps(clock, Lines(callbacks.Progress, steps)) };
        var report = await new CheckRunner(workspace.Environment, workspace.Store, workspace.Time).RunAsync(scenario, variant, timed, cancellationToken);
        clock.Complete();
        return new CheckOutcome(report, RecordCheck(scenario, variant, report));
    }

    /// <summary>Records what the learner expects of the scenario under load; the input is read as typed ("95%", "200ms").</summary>
    /// <exception cref="InvalidPredictionException">An input the lab cannot read; the message says what to type.</exception>
    public Prediction Predict(Scenario scenario, string? successRate, string? p95, string? why)
    {
        var success = PredictionInput.SuccessRate(successRate);
        var latency = PredictionInput.P95Ms(p95);
        return workspace.Store.RecordPrediction(scenario.Id, success, latency, PredictionInput.Why(why));
    }

    /// <summary>The learner's latest prediction for the scenario, or null.</summary>
    public Prediction? Prediction(Scenario scenario) => workspace.Store.GetPrediction(scenario.Id);

    /// <summary>Everything kept about the scenario: baseline, attempts, predictions.</summary>
    public ScenarioRecord Record(Scenario scenario) => ScenarioRecord.Read(workspace.Store, scenario);

    /// <summary>Where to go after a pass: the guide's reflection questions and the next scenario.</summary>
    public NextStep NextStep(Scenario scenario) => Lab.NextStep.After(workspace.Catalog, scenario);

    /// <summary>"You expected …; measured …" for a run, or null when the learner made no prediction.</summary>
    public string? CompareWithPrediction(Scenario scenario, RecordedFigures measured, TimeSpan? requestTimeout) =>
        Prediction(scenario) is { } prediction ? PredictionComparison.Describe(prediction, measured, requestTimeout) : null;

    /// <summary>
    /// Keeps a check's verdict as an attempt, for the learner's own app only: checking the
    /// reference solution or the naive app compares, it is not trying, so it neither unlocks the
    /// solution nor counts as passed. Returns the attempt, or null when none is recorded.
    /// </summary>
    public Attempt? RecordCheck(Scenario scenario, AppVariant variant, CheckReport report) =>
        variant == AppVariant.Learner ? workspace.Store.RecordAttempt(scenario.Id, report.Passed, report.ToJson()) : null;

    /// <summary>True when app/ differs from the shipped app, i.e. a reset would replace the learner's code (it is saved first).</summary>
    public bool ResetReplacesCode(Scenario scenario) => Reset.HasChanges(scenario);

    /// <summary>
    /// The scenario as shipped again: its app stopped, hints hidden, and (unless
    /// <paramref name="keepCode"/>) the original app back, the learner's code saved first. Attempts are kept.
    /// </summary>
    public Task<ResetOutcome> ResetAsync(Scenario scenario, bool keepCode, IProgress<string>? progress, CancellationToken cancellationToken) =>
        Reset.ResetAsync(scenario, keepCode, progress, cancellationToken);

    /// <summary>Brings back the code the last reset replaced, saving what is there now unless nothing would be lost.</summary>
    public Task<UndoOutcome> UndoResetAsync(Scenario scenario, IProgress<string>? progress, CancellationToken cancellationToken) =>
        Reset.UndoAsync(scenario, progress, cancellationToken);

    /// <summary>
    /// Reveals the next hint: the first, then the second, … and once all are shown, the last again.
    /// Null when the scenario has no hints.
    /// </summary>
    public RevealedHint? Hint(Scenario scenario)
    {
        var hints = scenario.Hints;
        if (workspace.Store.RevealNextHint(scenario.Id, hints.Count) is not { } index)
        {
            return null;
        }
        return new RevealedHint(index + 1, hints.Count, hints[index], hints.Take(index + 1).ToList());
    }

    /// <summary>
    /// The reference solution may be shown once the learner has a recorded attempt of their own:
    /// a failed try teaches more than the answer read first. There is no override.
    /// </summary>
    public static bool SolutionUnlocked(ScenarioProgress progress) => progress.Attempts > 0;

    /// <summary>The reference fix as a diff against the learner's app, marked as revealed; refused (nothing revealed) before an attempt.</summary>
    public async Task<SolutionOutcome> SolutionAsync(Scenario scenario, bool colour, CancellationToken cancellationToken)
    {
        if (!SolutionUnlocked(workspace.Store.Get(scenario.Id)))
        {
            return SolutionOutcome.Locked;
        }
        workspace.Store.MarkSolutionRevealed(scenario.Id);
        return new SolutionOutcome(true, await SolutionDiff.CreateAsync(scenario, colour, cancellationToken));
    }

    // The plain lines of an action: to the step listener when there is one (it shows them in order with the steps), else as given.
    private static IProgress<string>? Lines(IProgress<string>? progress, IProgress<StepProgress>? steps) =>
        steps is null ? progress : new MessageLines(steps);

    private sealed class MessageLines(IProgress<StepProgress> steps) : IProgress<string>
    {
        public void Report(string value) => steps.Report(StepProgress.Message(value));
    }

    /// <summary>Without a step listener, each step's headline is one more line of progress.</summary>
    private sealed class StepLines(IProgress<string>? lines) : IProgress<StepProgress>
    {
        public void Report(StepProgress value)
        {
            if (value.IsStart)
            {
                lines?.Report(value.Headline() + "…");
            }
        }
    }
}
