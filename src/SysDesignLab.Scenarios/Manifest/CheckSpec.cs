namespace SysDesignLab.Scenarios.Manifest;

/// <summary>The check's load profile (endpoints default to the scenario's load endpoints) and its criteria.</summary>
public sealed class CheckSpec : LoadSpec
{
    public List<CriterionSpec> Criteria { get; init; } = [];
}
