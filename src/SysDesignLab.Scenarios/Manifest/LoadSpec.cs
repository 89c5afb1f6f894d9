using SysDesignLab.LoadTesting;
using System.ComponentModel;

namespace SysDesignLab.Scenarios.Manifest;

/// <summary>A closed-model load profile; durations are written like "20s", "500ms" or "2m".</summary>
[Description("A closed-model load profile; durations are written like \"20s\", \"500ms\" or \"2m\".")]
public class LoadSpec
{
    [Description("Virtual users; each sends its next request once the last one is answered.")]
    public int Users { get; init; }
    [Description("How long the measured run lasts.")]
    public string Duration { get; init; } = "";
    [Description("Load before the measurement starts, left out of the results.")]
    public string WarmUp { get; init; } = "0s";
    [Description("How long a request may take before it counts as a timeout.")]
    public string Timeout { get; init; } = "5s";
    [Description("The requests the users send, each picked by weight.")]
    public List<EndpointSpec> Endpoints { get; init; } = [];
    /// <summary>Optional login each user performs first; see <see cref="SessionSpec"/>.</summary>
    [Description("Optional login each user performs first; what it captures fills {session}.")]
    public SessionSpec? Session { get; init; }
    /// <summary>Faults injected while the load runs; the same schedule runs from `sdlab load`, `sdlab check` and the web lab.</summary>
    [Description("Faults injected while the load runs (pause, kill, restart a process at a given second).")]
    public List<FaultSpec> Faults { get; init; } = [];
}
