using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration;

/// <summary>
/// One running part of a scenario's system (a database server, the app, later a cache or a
/// load balancer), in the spirit of Aspire's resources: endpoints, a readiness check,
/// dependencies it waits for, a log, and teardown.
/// </summary>
public abstract class LabResource(string name)
{
    private readonly List<LabResource> _waitFor = [];

    // Written by the fault runner's thread, read by a crash watcher's.
    private volatile bool _killedByFault;

    public string Name { get; } = name;
    public abstract string Kind { get; }
    public abstract IReadOnlyList<Endpoint> Endpoints { get; }
    public IReadOnlyList<LabResource> WaitFor => _waitFor;
    public abstract string? LogPath { get; }
    public abstract int? ProcessId { get; }

    /// <summary>How long the resource may take to become healthy after it started.</summary>
    public virtual TimeSpan StartupTimeout => TimeSpan.FromSeconds(60);

    public LabResource WaitsFor(LabResource dependency)
    {
        _waitFor.Add(dependency);
        return this;
    }

    public abstract Task StartAsync(CancellationToken cancellationToken);
    public abstract Task<bool> IsHealthyAsync(CancellationToken cancellationToken);

    /// <summary>What to look at when the resource did not become healthy in time (appended to that error).</summary>
    public virtual string NotHealthyHint() => LogPath is null ? "" : $" Its log is {LogPath}.";

    /// <summary>Throws a <see cref="LabException"/> saying why, when the resource died while starting.</summary>
    public abstract void ThrowIfFailed();

    public abstract Task StopAsync();

    /// <summary>
    /// True from the moment a fault kills the resource (or a restart stops it) until it has been
    /// started again: an exit meanwhile is the fault schedule's doing, not a crash.
    /// </summary>
    public bool KilledByFault
    {
        get => _killedByFault;
        protected set => _killedByFault = value;
    }

    /// <summary>A fault's pause: SIGSTOP to the process group led by <see cref="ProcessId"/>.</summary>
    public virtual Task PauseAsync()
    {
        BackgroundProcess.SignalGroup(RequireRunningProcess("pause"), NativeMethods.SIGSTOP);
        return Task.CompletedTask;
    }

    /// <summary>The end of a pause: SIGCONT to the process group led by <see cref="ProcessId"/>.</summary>
    public virtual Task ResumeAsync()
    {
        BackgroundProcess.SignalGroup(RequireProcess("resume"), NativeMethods.SIGCONT);
        return Task.CompletedTask;
    }

    /// <summary>A fault's kill: SIGKILL to the process group led by <see cref="ProcessId"/>, returning once all of it has gone.</summary>
    public virtual async Task KillAsync()
    {
        var pid = RequireRunningProcess("kill");
        // Set before the signal: a crash watcher may look the moment the process has gone.
        KilledByFault = true;
        await BackgroundProcess.KillGroupAsync(pid, TimeSpan.FromSeconds(5));
    }

    /// <summary>
    /// A fault's restart: stops the resource if it still runs, starts it again and waits until it is
    /// healthy. A killed resource simply comes back.
    /// </summary>
    public virtual async Task RestartAsync(CancellationToken cancellationToken)
    {
        // A resource that never had a process of its own (a database on a server) has nothing to
        // restart; one the schedule killed has no pid now but comes back all the same.
        var pid = KilledByFault ? ProcessId : RequireProcess("restart");
        KilledByFault = true;
        if (pid is { } running && BackgroundProcess.IsGroupAlive(running))
        {
            await StopAsync();
        }
        await StartAsync(cancellationToken);
        // From here an exit is the new process's own: it crashed.
        KilledByFault = false;
        await WaitHealthyAsync(cancellationToken);
    }

    /// <summary>Waits until the resource answers its health check, as the lab does at start (same timeout, same errors).</summary>
    protected Task WaitHealthyAsync(CancellationToken cancellationToken) =>
        // The lab's own wait loop; an empty host owns nothing, so there is nothing to dispose.
        new LabHost().WaitHealthyAsync(this, cancellationToken);

    private int RequireRunningProcess(string action)
    {
        var pid = RequireProcess(action);
        return BackgroundProcess.IsGroupAlive(pid)
            ? pid
            : throw new LabException($"{Kind} '{Name}' (pid {pid}) is not running (killed or crashed before): nothing to {action}.");
    }

    private int RequireProcess(string action) => ProcessId ?? throw new LabException(
        $"{Kind} '{Name}' has no process to {action}: it is not running, or it lives in another resource's process (target that one).");
}
