namespace SysDesignLab.LoadTesting;

/// <summary>
/// When the sampler closes an interval, as offsets from the start of the run. Intervals are one second,
/// aligned so that one closes exactly where the warm-up ends and one where the run ends; a remainder
/// shorter than <see cref="MinimumTail"/> is folded into the interval before it, so no sample reports a
/// rate computed from a sliver of time.
/// </summary>
internal static class SampleSchedule
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MinimumTail = TimeSpan.FromMilliseconds(100);

    public static IReadOnlyList<SampleBoundary> Create(TimeSpan warmUp, TimeSpan duration)
    {
        var boundaries = new List<SampleBoundary>();
        AddPhase(boundaries, TimeSpan.Zero, warmUp, warmUp: true, lastPhase: false);
        AddPhase(boundaries, warmUp, warmUp + duration, warmUp: false, lastPhase: true);
        return boundaries;
    }

    private static void AddPhase(List<SampleBoundary> boundaries, TimeSpan start, TimeSpan end, bool warmUp, bool lastPhase)
    {
        if (end <= start)
        {
            return;
        }

        for (var at = start + Interval; end - at >= MinimumTail; at += Interval)
        {
            boundaries.Add(new SampleBoundary(at, warmUp, IsLast: false));
        }

        boundaries.Add(new SampleBoundary(end, warmUp, IsLast: lastPhase));
    }
}
