namespace SysDesignLab.LoadTesting;

/// <summary>One endpoint's share of a <see cref="LoadResult"/> (same meanings, over its requests only).</summary>
public sealed record EndpointResult(
    string Name,
    long Requests,
    long Succeeded,
    double SuccessRate,
    double Rps,
    double Goodput,
    LatencySummary LatencyMs,
    ErrorCounts Errors);
