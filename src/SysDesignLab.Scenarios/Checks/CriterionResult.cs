namespace SysDesignLab.Scenarios.Checks;

/// <summary>One row of the check's verdict table.</summary>
public sealed record CriterionResult(string Name, string Kind, bool Passed, string Expected, string Actual, string Where);
