using SysDesignLab.LoadTesting;
using SysDesignLab.Orchestration.Faults;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>
/// How a check reports while it works: phases as text, each second of load with the run's label,
/// the address of each app it starts (so a dashboard can read that app's /metrics), and faults.
/// </summary>
public sealed record CheckCallbacks(IProgress<string>? Progress = null, Action<string, LoadSample>? Sample = null, Action<string, Uri>? AppStarted = null)
{
    /// <summary>Each fault of the schedule as it happens, with the run's label (a chart annotates it).</summary>
    public Action<string, FaultEvent>? Fault { get; init; }
}
