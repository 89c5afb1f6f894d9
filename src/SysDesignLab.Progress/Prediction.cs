namespace SysDesignLab.Progress;

/// <summary>
/// What the learner expected before loading a scenario: the success rate (0–1) and the p95 latency
/// at the scenario's user count, and why, in their own words. The latest one counts; earlier ones are kept.
/// </summary>
public sealed record Prediction(long Id, string ScenarioId, DateTimeOffset At, double SuccessRate, double P95Ms, string Why);
