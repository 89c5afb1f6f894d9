using SysDesignLab.LoadTesting;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>How a check reports while it works: phases as text, and each second of load with the run's label.</summary>
public sealed record CheckCallbacks(IProgress<string>? Progress = null, Action<string, LoadSample>? Sample = null);
