using SysDesignLab.LoadTesting;

namespace SysDesignLab.Web.Live;

/// <summary>One second of client-side figures as the dashboard receives it.</summary>
internal sealed record SampleView(string Run, int Second, bool WarmUp, double Rps, double? SuccessRate, double? P50, double? P95, double? P99, ErrorCounts Errors)
{
    // A second in which nothing completed has no latency or success rate: a gap, not a zero.
    public static SampleView From(string run, LoadSample s) => s.Requests == 0
        ? new(run, s.Second, s.WarmUp, 0, null, null, null, null, s.Errors)
        : new(run, s.Second, s.WarmUp, Math.Round(s.Rps, 1), Math.Round(s.SuccessRate * 100, 2),
            Math.Round(s.P50Ms, 1), Math.Round(s.P95Ms, 1), Math.Round(s.P99Ms, 1), s.Errors);
}
