using System.Text.Json.Serialization;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>
/// A process of the measured system (the app, one of its instances, or the load balancer) that
/// ended while the check still needed it. Every figure measured after that is about requests to a
/// dead address, so the check reports the crash itself rather than what it did to the numbers.
/// </summary>
/// <param name="Process">The resource's name: app, app-2, lb.</param>
/// <param name="Who">The process as a learner knows it: "your app", "the load balancer".</param>
/// <param name="ExitCode">The exit code, when the lab could read it.</param>
/// <param name="Second">The second of the measured load in which it was found gone; null before or after it.</param>
/// <param name="When">Where in the run it stopped, in words.</param>
/// <param name="Log">Its log file.</param>
/// <param name="LastLines">The end of its log: usually the reason.</param>
public sealed record AppCrash(string Process, string Who, int? ExitCode, int? Second, string When, string Log, IReadOnlyList<string> LastLines)
{
    /// <summary>E.g. "your app stopped at second 12 of the 20 s load with exit code 3".</summary>
    [JsonIgnore]
    public string Summary => $"{Who} stopped {When} {ExitText(ExitCode)}";

    /// <summary>The exit code as a learner can act on it: a signal's number is named when it is one.</summary>
    public static string ExitText(int? exitCode) => exitCode switch
    {
        null => "(exit code unknown)",
        // The runtime reports a death by signal as 128 + the signal's number.
        134 => "with exit code 134 (aborted: usually an unhandled exception, see the log)",
        137 => "with exit code 137 (killed with SIGKILL: often the machine ran out of memory)",
        139 => "with exit code 139 (segmentation fault)",
        143 => "with exit code 143 (terminated with SIGTERM by something other than the lab)",
        var code => $"with exit code {code}",
    };
}
