namespace SysDesignLab.LoadTesting;

/// <summary>What a closed-model run does: N virtual users loop over weighted endpoints.</summary>
public sealed record LoadProfile
{
    public required int VirtualUsers { get; init; }
    public required TimeSpan Duration { get; init; }
    /// <summary>Excluded from the statistics: JIT, pools and caches settle first.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.Zero;
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public required IReadOnlyList<EndpointSpec> Endpoints { get; init; }
    /// <summary>Seed of the random parameters, so two runs send the same sequence of requests.</summary>
    public int Seed { get; init; } = 42;
}
