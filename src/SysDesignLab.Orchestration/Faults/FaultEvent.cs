using System.Globalization;

namespace SysDesignLab.Orchestration.Faults;

/// <summary>
/// What a fault really did: when it was planned and when it happened (both offsets from the
/// schedule's start), to what, whether it worked, and a sentence saying so
/// ("paused app-2 (pid 1234) for 5 s") or why not.
/// </summary>
public sealed record FaultEvent(TimeSpan PlannedAt, TimeSpan ActualAt, FaultAction Action, string Target, bool Succeeded, string Message)
{
    /// <summary>How late the fault happened against its plan (never negative: the runner waits for the plan).</summary>
    public TimeSpan Lateness => ActualAt - PlannedAt;

    /// <summary>One line for a report: "at 10.01 s (planned 10 s): paused app-2 (pid 1234) for 5 s".</summary>
    public override string ToString() =>
        $"at {Seconds(ActualAt, "0.00")} (planned {Seconds(PlannedAt, "0.##")}): {(Succeeded ? "" : $"{Action.ToString().ToLowerInvariant()} {Target} FAILED: ")}{Message}";

    internal static string Seconds(TimeSpan span, string format = "0.#") =>
        span.TotalSeconds.ToString(format, CultureInfo.InvariantCulture) + " s";
}
