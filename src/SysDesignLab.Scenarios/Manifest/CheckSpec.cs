using System.ComponentModel;

namespace SysDesignLab.Scenarios.Manifest;

/// <summary>The check's load profile (endpoints default to the scenario's load endpoints) and its criteria.</summary>
[Description("The check's load profile (without endpoints of its own it reuses the load's, login included) and its criteria.")]
public sealed class CheckSpec : LoadSpec
{
    [Description("The pass/fail rules: performance, correctness and right-way criteria.")]
    public List<CriterionSpec> Criteria { get; init; } = [];
}
