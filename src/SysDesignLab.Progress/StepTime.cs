namespace SysDesignLab.Progress;

/// <summary>How long one long step of the lab (a build, a start, a baseline, a load…) took on this machine.</summary>
public sealed record StepTime(string ScenarioId, string Step, TimeSpan Duration, DateTimeOffset At);
