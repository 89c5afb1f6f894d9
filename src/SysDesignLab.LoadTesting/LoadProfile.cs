namespace SysDesignLab.LoadTesting;

/// <summary>
/// What a run does. Closed model (the default): <see cref="VirtualUsers"/> users loop over weighted endpoints.
/// Open model (<see cref="ArrivalRate"/> set): requests are issued at scheduled times whatever the server's
/// speed, over <see cref="VirtualUsers"/> connections.
/// </summary>
public sealed record LoadProfile
{
    /// <summary>Closed model: the number of users. Open model: the number of connections.</summary>
    public required int VirtualUsers { get; init; }
    public required TimeSpan Duration { get; init; }
    /// <summary>Excluded from the statistics: JIT, pools and caches settle first.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.Zero;
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(5);
    public required IReadOnlyList<EndpointSpec> Endpoints { get; init; }
    /// <summary>Seed of the random parameters (and Poisson gaps), so two runs send the same sequence of requests.</summary>
    public int Seed { get; init; } = 42;

    /// <summary>Requests per second to issue; setting it selects the open model.</summary>
    public double? ArrivalRate { get; init; }

    public ArrivalDistribution Arrival { get; init; } = ArrivalDistribution.Constant;

    /// <summary>
    /// Open model: requests in flight at once (default: <see cref="VirtualUsers"/>). Requests that fall due
    /// while every slot is busy wait and start late; those still waiting when the run ends count as dropped.
    /// </summary>
    public int? MaxInFlight { get; init; }

    /// <summary>Closed model only: each user logs in first and sends what it captured with every request.</summary>
    public SessionSpec? Session { get; init; }

    public bool IsOpenModel => ArrivalRate is not null;
}
