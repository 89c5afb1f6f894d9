using SysDesignLab.Orchestration;
using SysDesignLab.Progress;

namespace SysDesignLab.Scenarios.Running;

/// <summary>What a reset did to the learner's code, for the CLI and the web lab to say.</summary>
/// <param name="Backup">Where the replaced code was saved; null when app/ was already as shipped.</param>
public sealed record ResetOutcome(bool CodeReplaced, string? Backup);

/// <summary>What an undo brought back, and where the code it replaced went (null if nothing was lost by not saving it).</summary>
public sealed record UndoOutcome(string Restored, string? SavedCurrent);

/// <summary>
/// `sdlab reset` and the web lab's Reset button: the shipped app back in app/, hints hidden again.
/// Every replacement of the learner's code keeps a copy first (<see cref="CodeBackups"/>), and
/// <see cref="UndoAsync"/> brings the newest copy back.
/// </summary>
public sealed class ScenarioReset(ScenarioEnvironment environment, ProgressStore store, TimeProvider time)
{
    private readonly CodeBackups _backups = new(environment.Paths, time);

    public CodeBackups Backups => _backups;

    /// <summary>True when app/ differs from the shipped app, i.e. a reset would replace the learner's code.</summary>
    public bool HasChanges(Scenario scenario) => !ShippedApp.Load(scenario).IsMatchedBy(scenario.AppDirectory);

    public async Task<ResetOutcome> ResetAsync(Scenario scenario, bool keepCode, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await StopIfRunningAsync(scenario, progress);
        ResetOutcome outcome = new(false, null);
        if (!keepCode && HasChanges(scenario))
        {
            // The shipped app first: if it cannot be had, nothing is touched.
            var shipped = await NaiveSnapshot.EnsureAsync(scenario, cancellationToken);
            var backup = _backups.Save(scenario);
            NaiveSnapshot.ReplaceSources(shipped, scenario.AppDirectory);
            outcome = new ResetOutcome(true, backup);
        }
        store.ResetScenario(scenario.Id);
        return outcome;
    }

    public async Task<UndoOutcome> UndoAsync(Scenario scenario, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var latest = _backups.List(scenario).FirstOrDefault()
            ?? throw new LabException($"There is no saved copy of {scenario.Id}'s app to bring back: the lab keeps one each time reset replaces your code, and none was needed yet.");
        await StopIfRunningAsync(scenario, progress);
        string? saved = null;
        // The code being replaced now is saved too, unless it is the shipped app or this very backup.
        var current = ShippedApp.Describe(scenario.AppDirectory);
        if (!ShippedApp.SameFiles(current, ShippedApp.Load(scenario).Files) && !ShippedApp.SameFiles(current, ShippedApp.Describe(latest)))
        {
            saved = _backups.Save(scenario);
        }
        cancellationToken.ThrowIfCancellationRequested();
        NaiveSnapshot.ReplaceSources(latest, scenario.AppDirectory);
        return new UndoOutcome(latest, saved);
    }

    private async Task StopIfRunningAsync(Scenario scenario, IProgress<string>? progress)
    {
        if (ScenarioStarter.Running(environment.Paths) is { } state && state.Scenario == scenario.Id)
        {
            await new ScenarioStarter(environment, time).StopAppAsync();
            progress?.Report($"Stopped the running {scenario.Id} app.");
        }
    }
}
