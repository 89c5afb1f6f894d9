namespace SysDesignLab.Orchestration.Faults;

/// <summary>
/// One entry of a scenario's fault schedule: do <paramref name="Action"/> to the resource named
/// <paramref name="Target"/> at <paramref name="At"/> from the start of the schedule; a pause lasts
/// <paramref name="For"/>.
/// </summary>
public sealed record Fault(TimeSpan At, FaultAction Action, string Target, TimeSpan? For = null);
