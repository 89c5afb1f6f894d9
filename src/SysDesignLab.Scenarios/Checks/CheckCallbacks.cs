using SysDesignLab.LoadTesting;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>
/// How a check reports while it works: phases as text, each second of load with the run's label,
/// and the address of each app it starts (so a dashboard can read that app's /metrics).
/// </summary>
public sealed record CheckCallbacks(IProgress<string>? Progress = null, Action<string, LoadSample>? Sample = null, Action<string, Uri>? AppStarted = null);
