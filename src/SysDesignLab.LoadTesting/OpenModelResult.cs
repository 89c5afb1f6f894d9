namespace SysDesignLab.LoadTesting;

/// <summary>
/// What the open model adds to a <see cref="LoadResult"/>, whose own latency is then counted from each
/// request's intended send time (coordinated-omission corrected).
/// </summary>
/// <param name="TargetRate">The configured arrival rate, requests/s.</param>
/// <param name="AchievedRate">Requests completed per second of measured time.</param>
/// <param name="LateStarts">Requests sent more than 1 ms after their intended time, plus <paramref name="Dropped"/>.</param>
/// <param name="Dropped">Requests that fell due but never got an in-flight slot before the run ended.</param>
/// <param name="WarmUpSkipped">
/// Requests due in the warm-up that no slot had sent when it ended: skipped, so that the warm-up's backlog
/// is not sent late in the measured part. Zero when the generator kept up during the warm-up.
/// </param>
/// <param name="UncorrectedLatencyMs">Latency from the actual send, as a closed-model tool would report it.</param>
/// <param name="UncorrectedHistogram">The encoded histogram behind <paramref name="UncorrectedLatencyMs"/>.</param>
public sealed record OpenModelResult(
    double TargetRate,
    double AchievedRate,
    long LateStarts,
    long Dropped,
    long WarmUpSkipped,
    LatencySummary UncorrectedLatencyMs,
    string? UncorrectedHistogram);
