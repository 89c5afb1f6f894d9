using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Faults;

/// <summary>
/// Runs a fault schedule against the lab's resources, each fault at its offset from the call, and
/// reports every fault (a pause's resume included) with the time it really happened. The same
/// runner serves `sdlab load`, `sdlab check` and the web lab.
/// </summary>
public static partial class FaultRunner
{
    /// <summary>
    /// Runs <paramref name="faults"/> until the last one is done or <paramref name="cancellationToken"/>
    /// is cancelled, then returns what happened, in the order it happened. Never throws for a fault
    /// that fails (it becomes a failed event) nor on cancellation; whatever it paused runs again
    /// before it returns. <paramref name="onEvent"/> is called as each event happens, one at a time.
    /// </summary>
    public static async Task<IReadOnlyList<FaultEvent>> RunAsync(
        IReadOnlyList<Fault> faults,
        Func<string, LabResource?> resolve,
        Action<FaultEvent>? onEvent,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(faults);
        ArgumentNullException.ThrowIfNull(resolve);
        ArgumentNullException.ThrowIfNull(time);
        var run = new Run(resolve, onEvent, time, time.GetTimestamp(), cancellationToken);
        // One sequence per target, so its faults happen in the schedule's order; targets run side by
        // side, so a slow restart of one does not delay a fault on another.
        var targets = faults
            .Select((fault, index) => (fault, index))
            .GroupBy(f => f.fault.Target, StringComparer.Ordinal)
            .Select(g => RunTargetAsync(g.Key, g.OrderBy(f => f.fault.At).ThenBy(f => f.index).Select(f => f.fault).ToList(), run))
            .ToList();
        await Task.WhenAll(targets).ConfigureAwait(false);
        return run.Events();
    }

    private sealed record Step(Fault Fault, TimeSpan Due, Paused? Resumes = null);

    private sealed record Paused(LabResource Resource, int Pid, Fault Fault, TimeSpan At);

    private static async Task RunTargetAsync(string target, IReadOnlyList<Fault> faults, Run run)
    {
        var steps = new PriorityQueue<Step, (TimeSpan Due, int Order)>();
        var order = 0;
        foreach (var fault in faults)
        {
            steps.Enqueue(new Step(fault, fault.At), (fault.At, order++));
        }
        var paused = new List<Paused>();
        try
        {
            while (steps.TryDequeue(out var step, out _))
            {
                await run.DelayUntilAsync(step.Due).ConfigureAwait(false);
                if (step.Resumes is { } pause)
                {
                    paused.Remove(pause);
                    await ResumeAsync(pause, run, early: false).ConfigureAwait(false);
                    continue;
                }
                var resource = run.Resolve(target);
                if (resource is null)
                {
                    run.Report(step.Fault, run.Now(), false, $"no resource named '{target}' runs in this lab");
                    continue;
                }
                if (await DoAsync(step.Fault, resource, run).ConfigureAwait(false) is { } done)
                {
                    paused.Add(done);
                    var resumeAt = done.At + done.Fault.For!.Value;
                    steps.Enqueue(new Step(done.Fault, resumeAt, done), (resumeAt, order++));
                }
            }
        }
        catch (OperationCanceledException) when (run.Cancelled)
        {
            // The run is over: what is left of the schedule does not happen.
        }
        finally
        {
            // Never leave a process stopped, whatever ended the schedule.
            foreach (var pause in paused)
            {
                await ResumeAsync(pause, run, early: true).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Does one scheduled fault; returns the pause to undo later when it paused the target.</summary>
    private static async Task<Paused?> DoAsync(Fault fault, LabResource resource, Run run)
    {
        var at = run.Now();
        var pid = resource.ProcessId;
        var who = pid is { } p ? $"{resource.Name} (pid {p})" : resource.Name;
        try
        {
            switch (fault.Action)
            {
                case FaultAction.Pause when fault.For is not { } length || length <= TimeSpan.Zero:
                    run.Report(fault, at, false, "a pause needs a positive `for`: how long the target stays stopped");
                    return null;
                case FaultAction.Pause:
                    await resource.PauseAsync().ConfigureAwait(false);
                    run.Report(fault, at, true, $"paused {who} for {FaultEvent.Seconds(fault.For.Value)}");
                    // PauseAsync succeeded, so the resource had a process.
                    return new Paused(resource, resource.ProcessId!.Value, fault, at);
                case FaultAction.Kill:
                    await resource.KillAsync().ConfigureAwait(false);
                    run.Report(fault, at, true, $"killed {who} and its process group");
                    return null;
                case FaultAction.Restart:
                    var before = Describe(resource.Endpoints);
                    await resource.RestartAsync(run.CancellationToken).ConfigureAwait(false);
                    var took = FaultEvent.Seconds(run.Now() - at, "0.0");
                    var now = Describe(resource.Endpoints);
                    var where = now == before ? $"at {now}" : $"at {now} (was {before}, no longer free)";
                    run.Report(fault, at, true, $"restarted {resource.Name} (pid {resource.ProcessId}), healthy after {took} {where}");
                    return null;
                default:
                    run.Report(fault, at, false, $"'{fault.Action}' is not an action a schedule can take (pause, kill or restart)");
                    return null;
            }
        }
        catch (OperationCanceledException) when (run.Cancelled)
        {
            run.Report(fault, at, false, $"{Verb(fault.Action)} of {resource.Name} was interrupted: the schedule was cancelled");
            throw;
        }
        catch (Exception e)
        {
            run.Report(fault, at, false, e.Message);
            return null;
        }
    }

    private static async Task ResumeAsync(Paused pause, Run run, bool early)
    {
        var at = run.Now();
        var resource = pause.Resource;
        var who = $"{resource.Name} (pid {pause.Pid})";
        var resumed = new Fault(pause.Fault.At + pause.Fault.For!.Value, FaultAction.Resume, pause.Fault.Target);
        if (!BackgroundProcess.IsGroupAlive(pause.Pid) || resource.ProcessId != pause.Pid)
        {
            // A kill or restart meanwhile ended the paused process: nothing is left stopped.
            run.Report(resumed, at, true, $"nothing to resume: {who} has gone meanwhile");
            return;
        }
        try
        {
            await resource.ResumeAsync().ConfigureAwait(false);
            var length = FaultEvent.Seconds(at - pause.At, "0.0#");
            run.Report(resumed, at, true, early
                ? $"resumed {who} early, after {length} of {FaultEvent.Seconds(pause.Fault.For.Value)}: the schedule was cancelled"
                : $"resumed {who} after {length}");
        }
        catch (Exception e)
        {
            run.Report(resumed, at, false, e.Message);
        }
    }

    private static string Describe(IReadOnlyList<Endpoint> endpoints) =>
        endpoints.Count == 0 ? "no endpoint" : string.Join(", ", endpoints);

    private static string Verb(FaultAction action) => action.ToString().ToLowerInvariant();
}
