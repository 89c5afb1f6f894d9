using SysDesignLab.LoadTesting;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>
/// One app measured under the check profile, with what the database server did (metric name →
/// value, see <see cref="ServerActivity"/>), the probes' verdicts, and any of its processes that
/// stopped before the lab stopped them.
/// </summary>
public sealed record Measurement(LoadResult Load, IReadOnlyDictionary<string, double> ServerFigures, IReadOnlyList<CriterionResult> ProbeResults, IReadOnlyList<AppCrash> Crashes)
{
    /// <summary>What the fault schedule did during the load, in order.</summary>
    public IReadOnlyList<Orchestration.Faults.FaultEvent> Faults { get; init; } = [];
}
