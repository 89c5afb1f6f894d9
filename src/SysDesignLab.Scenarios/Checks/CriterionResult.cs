namespace SysDesignLab.Scenarios.Checks;

/// <summary>One row of the check's verdict table.</summary>
/// <param name="Where">What to look at: for a failed figure, the message for what the run saw (see <see cref="Cause"/>).</param>
public sealed record CriterionResult(string Name, string Kind, bool Passed, string Expected, string Actual, string Where)
{
    /// <summary>The failure cause that chose <see cref="Where"/> (a key of FailureCause, e.g. "wrongBody"); null when passed or not a load figure.</summary>
    public string? Cause { get; init; }
}
