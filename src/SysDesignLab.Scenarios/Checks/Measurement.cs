using SysDesignLab.LoadTesting;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>One app measured under the check profile, with what the server did and the correctness probes' verdicts.</summary>
public sealed record Measurement(LoadResult Load, double? DbRowsPerRequest, IReadOnlyList<CriterionResult> ProbeResults);
