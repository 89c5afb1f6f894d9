namespace SysDesignLab.Scenarios.Running;

/// <summary>Which code of a scenario runs: the learner's app, the reference solution, or the untouched naive app.</summary>
public enum AppVariant
{
    Learner,
    Solution,
    Naive,
}
