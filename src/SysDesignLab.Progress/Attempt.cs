namespace SysDesignLab.Progress;

/// <summary>
/// One run of a scenario's check. <see cref="ResultJson"/> is the check's report exactly as it was
/// recorded, so later versions can re-read details this version does not interpret.
/// </summary>
public sealed record Attempt(long Id, string ScenarioId, DateTimeOffset At, bool Passed, string ResultJson);
