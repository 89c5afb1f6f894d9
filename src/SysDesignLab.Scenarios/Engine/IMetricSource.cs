namespace SysDesignLab.Scenarios.Engine;

/// <summary>
/// The figures a resource contributes to a check (and, sampled, to the live dashboard): found in
/// the <see cref="LabRegistry"/> by the resource kind it reads. Its metrics are declared in
/// <see cref="Metrics"/>, so criteria may name them and the report can format them.
/// </summary>
public interface IMetricSource
{
    /// <summary>The resource kind this source reads ("postgres", "redis").</summary>
    string ResourceKind { get; }

    IReadOnlyList<MetricInfo> Metrics { get; }

    /// <summary>Called just before the load: reset or read the counters, start sampling.</summary>
    Task<IMetricWindow> StartAsync(ResourceBinding binding, RunContext run, CancellationToken cancellationToken);
}

/// <summary>One measured run of a metric source, from just before the load to after the apps stopped.</summary>
public interface IMetricWindow
{
    /// <summary>The load has ended (the apps still run): stop sampling what only the load shows (peaks).</summary>
    Task LoadEndedAsync(CancellationToken cancellationToken);

    /// <summary>The apps have stopped: the figures of the run, by metric name, given how many requests it served.</summary>
    Task<IReadOnlyDictionary<string, double>> FinishAsync(long requests, CancellationToken cancellationToken);
}
