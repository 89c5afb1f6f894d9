namespace SysDesignLab.Progress;

/// <summary>
/// The naive app's measured figures on this machine, so a check can judge the learner's version
/// against what the same hardware achieved before the change rather than against fixed numbers.
/// <see cref="SourceHash"/> (see <see cref="Progress.SourceHash.Compute"/>) ties the figures to the
/// exact naive source they were measured on; a different hash means they must be measured again.
/// </summary>
public sealed record Baseline(
    string ScenarioId,
    string SourceHash,
    double Goodput,
    double Rps,
    double P95Ms,
    double SuccessRate,
    DateTimeOffset MeasuredAt);
