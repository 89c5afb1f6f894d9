namespace SysDesignLab.LoadTesting;

/// <summary>How the open model spaces its intended send times.</summary>
public enum ArrivalDistribution
{
    /// <summary>Evenly spaced, 1/rate apart (wrk2's model).</summary>
    Constant,

    /// <summary>Exponential gaps with mean 1/rate: independent users arriving at random.</summary>
    Poisson,
}
