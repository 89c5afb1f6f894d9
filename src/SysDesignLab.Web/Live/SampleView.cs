using SysDesignLab.LoadTesting;

namespace SysDesignLab.Web.Live;

/// <summary>
/// One second of client-side figures as the dashboard receives it. Successful and failed requests
/// per second are separate: a request that timed out is a failure, never throughput.
/// </summary>
/// <param name="Rps">Every request that ended this second, failed ones included.</param>
/// <param name="OkRps">Requests that succeeded, per second (goodput).</param>
/// <param name="FailedRps">Requests that failed (timed out, wrong body, refused, 5xx…), per second.</param>
/// <param name="Total">Latency of the measured part so far (null during the warm-up or before any response).</param>
internal sealed record SampleView(
    string Run, int Second, bool WarmUp, long Requests, long Succeeded, double Rps, double OkRps, double FailedRps,
    double? SuccessRate, double? P50, double? P95, double? P99, ErrorCounts Errors, LatencySummary? Total)
{
    // A second in which nothing completed has no latency or success rate: a gap, not a zero.
    public static SampleView From(string run, LoadSample s)
    {
        if (s.Requests == 0)
        {
            return new(run, s.Second, s.WarmUp, 0, 0, 0, 0, 0, null, null, null, null, s.Errors, Latency(s.Cumulative));
        }
        var ok = s.Rps * s.Succeeded / s.Requests;
        return new(run, s.Second, s.WarmUp, s.Requests, s.Succeeded, Math.Round(s.Rps, 1), Math.Round(ok, 1), Math.Round(s.Rps - ok, 1),
            Math.Round(s.SuccessRate * 100, 2), Math.Round(s.P50Ms, 1), Math.Round(s.P95Ms, 1), Math.Round(s.P99Ms, 1), s.Errors, Latency(s.Cumulative));
    }

    // Percentiles of zero responses are zeros, not measurements: the tiles say "–" instead.
    private static LatencySummary? Latency(LatencySummary? total) =>
        total is null || total.Max <= 0 ? null : total with { P50 = Math.Round(total.P50, 1), P95 = Math.Round(total.P95, 1), P99 = Math.Round(total.P99, 1) };
}
