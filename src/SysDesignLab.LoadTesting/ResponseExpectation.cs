namespace SysDesignLab.LoadTesting;

/// <summary>What a successful response looks like; anything else is counted as an error by kind.</summary>
public sealed record ResponseExpectation
{
    /// <summary>Expected status; null means any 2xx.</summary>
    public int? Status { get; init; }
    /// <summary>Several statuses that all count as success (e.g. 200 claimed, 409 sold out); overrides <see cref="Status"/>.</summary>
    public IReadOnlyList<int>? Statuses { get; init; }
    /// <summary>The body must be a JSON array of exactly this many items.</summary>
    public int? JsonArrayLength { get; init; }
    /// <summary>The body must contain this text.</summary>
    public string? BodyContains { get; init; }
}
