namespace SysDesignLab.Orchestration;

/// <summary>
/// One running part of a scenario's system (a database server, the app, later a cache or a
/// load balancer), in the spirit of Aspire's resources: endpoints, a readiness check,
/// dependencies it waits for, a log, and teardown.
/// </summary>
public abstract class LabResource(string name)
{
    private readonly List<LabResource> _waitFor = [];

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
}
