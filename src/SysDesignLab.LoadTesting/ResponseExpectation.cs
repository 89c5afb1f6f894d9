using System.ComponentModel;

namespace SysDesignLab.LoadTesting;

/// <summary>What a successful response looks like; anything else is counted as an error by kind.</summary>
[Description("What a successful response looks like; anything else is counted as an error by kind.")]
public sealed record ResponseExpectation
{
    /// <summary>Expected status; null means any 2xx.</summary>
    [Description("The expected status; with neither status nor statuses any 2xx counts.")]
    public int? Status { get; init; }
    /// <summary>Several statuses that all count as success (e.g. 200 claimed, 409 sold out); overrides <see cref="Status"/>.</summary>
    [Description("Several statuses that all count as success (e.g. [200, 409]); give this or status, not both.")]
    public IReadOnlyList<int>? Statuses { get; init; }
    /// <summary>The body must be a JSON array of exactly this many items.</summary>
    [Description("The body must be a JSON array of exactly this many items.")]
    public int? JsonArrayLength { get; init; }
    /// <summary>The body must contain this text.</summary>
    [Description("The body must contain this text.")]
    public string? BodyContains { get; init; }
}
