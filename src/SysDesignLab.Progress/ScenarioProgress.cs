namespace SysDesignLab.Progress;

/// <summary>
/// A learner's standing on one scenario. <see cref="Attempts"/>, <see cref="Passed"/> and the
/// timestamps come from the attempt history; <see cref="HintsShown"/> and
/// <see cref="SolutionRevealed"/> are the help taken since the last reset.
/// </summary>
public sealed record ScenarioProgress(
    string ScenarioId,
    int Attempts,
    bool Passed,
    DateTimeOffset? FirstPassedAt,
    DateTimeOffset? LastAttemptAt,
    int HintsShown,
    bool SolutionRevealed)
{
    /// <summary>
    /// Passed wins over everything. Asking for help counts as having started, so a learner who
    /// read a hint (or the solution) before running a check is not shown as untouched.
    /// </summary>
    public ProgressState State => Passed
        ? ProgressState.Passed
        : Attempts > 0 || HintsShown > 0 || SolutionRevealed
            ? ProgressState.Attempted
            : ProgressState.NotStarted;

    /// <summary>The standing of a scenario the store has never heard of.</summary>
    public static ScenarioProgress Empty(string scenarioId) =>
        new(scenarioId, 0, false, null, null, 0, false);
}
