namespace SysDesignLab.Progress;

/// <summary>
/// The naive app's measured figures on this machine, so a check can judge the learner's version
/// against what the same hardware achieved before the change rather than against fixed numbers.
/// <see cref="SourceHash"/> (see <see cref="Progress.SourceHash.Compute"/>) ties the figures to the
/// exact naive source they were measured on; a different hash means they must be measured again.
/// </summary>
/// <remarks>
/// Baselines kept before schema 2 have only goodput, req/s, p95 and success rate: the other figures
/// read as null, which a presentation shows as "not recorded" (they were measured, but not kept).
/// </remarks>
public sealed record Baseline(
    string ScenarioId,
    string SourceHash,
    double Goodput,
    double Rps,
    double P95Ms,
    double SuccessRate,
    DateTimeOffset MeasuredAt)
{
    /// <summary>Requests completed in the measured part of the run (warm-up excluded).</summary>
    public long? Requests { get; init; }

    /// <summary>Requests that did not succeed; <see cref="Errors"/> says why.</summary>
    public long? FailedRequests { get; init; }

    public double? P50Ms { get; init; }
    public double? P99Ms { get; init; }
    public double? MaxMs { get; init; }

    /// <summary>Failed requests by cause.</summary>
    public BaselineErrors? Errors { get; init; }

    /// <summary>True when every figure was kept (a baseline measured by this version or later).</summary>
    public bool IsComplete => Requests is not null && FailedRequests is not null && P50Ms is not null
        && P99Ms is not null && MaxMs is not null && Errors is not null;
}

/// <summary>A baseline's failed requests by cause, as the load generator classifies them.</summary>
public sealed record BaselineErrors(long Connect, long Timeout, long Reset, long ServerError, long ClientError, long WrongBody, long Other)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public long Total => Connect + Timeout + Reset + ServerError + ClientError + WrongBody + Other;
}
