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

    public Task<RunState> StartAsync(Scenario scenario, AppVariant variant, IProgress<string>? progress, CancellationToken cancellationToken) =>
        Starter.StartAsync(scenario, variant, progress, cancellationToken);

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
    public async Task<LoadResult> LoadAsync(LoadTarget target, LoadProfile profile, Action<LoadSample> onSample, CancellationToken cancellationToken, Action<FaultEvent>? onFault = null)
    {
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
    public async Task<CheckOutcome> CheckAsync(Scenario scenario, AppVariant variant, CheckCallbacks callbacks, CancellationToken cancellationToken)
    {
        // Before anything builds: a lab that cannot have the shipped app says so at once.
        await NaiveSnapshot.EnsureAsync(scenario, cancellationToken);
        var report = await new CheckRunner(workspace.Environment, workspace.Store, workspace.Time).RunAsync(scenario, variant, callbacks, cancellationToken);
        return new CheckOutcome(report, RecordCheck(scenario, variant, report));
    }

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
}
