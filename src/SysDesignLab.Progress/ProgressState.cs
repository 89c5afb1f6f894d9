namespace SysDesignLab.Progress;

/// <summary>Where a learner stands on one scenario, as shown in the scenario list.</summary>
public enum ProgressState
{
    NotStarted,
    Attempted,
    Passed,
}
