using System.ComponentModel;

namespace SysDesignLab.Scenarios.Manifest;

/// <summary>
/// One fault of a load or check profile's schedule, e.g. <c>{ "at": "10s", "action": "pause",
/// "target": "app-2", "for": "5s" }</c>; "at" counts from the start of the load, warm-up included.
/// </summary>
[Description("A fault injected during the load: pause (SIGSTOP, then SIGCONT after \"for\"), kill (SIGKILL) or restart a process of the scenario.")]
public sealed class FaultSpec
{
    [Description("When, from the start of the load (warm-up included), e.g. \"10s\".")]
    public string At { get; init; } = "";
    [Description("pause, kill or restart.")]
    public string Action { get; init; } = "";
    [Description("The process: an app instance (\"app\", \"app-2\") or a resource's name (\"db\", \"lb\").")]
    public string Target { get; init; } = "";
    [Description("pause only: how long the process stays stopped, e.g. \"5s\".")]
    public string? For { get; init; }
}
