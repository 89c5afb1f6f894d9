using SysDesignLab.Orchestration;

namespace SysDesignLab.Scenarios.Lab;

/// <summary>
/// A load was asked for a scenario whose app is not running. The message says so (and which
/// scenario runs instead); the CLI and the web lab each add how to start it in their own words.
/// </summary>
public sealed class ScenarioNotRunningException(Scenario scenario, string? runningInstead)
    : LabException($"{scenario.Id} is not running{(runningInstead is null ? "" : $" ({runningInstead} is)")}.")
{
    public Scenario Scenario => scenario;

    /// <summary>The scenario that runs instead, if any.</summary>
    public string? RunningInstead => runningInstead;
}
