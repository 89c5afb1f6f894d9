using SysDesignLab.LoadTesting;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>
/// One app measured under the check profile, with what the database server did (metric name →
/// value, see <see cref="ServerActivity"/>) and the probes' verdicts.
/// </summary>
public sealed record Measurement(LoadResult Load, IReadOnlyDictionary<string, double> ServerFigures, IReadOnlyList<CriterionResult> ProbeResults);
