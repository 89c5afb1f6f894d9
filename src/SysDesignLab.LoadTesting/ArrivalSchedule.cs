namespace SysDesignLab.LoadTesting;

/// <summary>
/// The open model's intended send times, as offsets from the start of the run in timestamp ticks, handed
/// out in order to whichever worker asks next (so the backlog is served first in, first out).
/// Deterministic for a given seed.
/// </summary>
internal sealed class ArrivalSchedule
{
    private readonly Lock gate = new();
    private readonly double ticksPerArrival;
    private readonly Random? random;
    private long index;
    private double poissonOffset;

    public ArrivalSchedule(double ratePerSecond, ArrivalDistribution distribution, int seed, long timestampFrequency)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ratePerSecond, 0);
        ticksPerArrival = timestampFrequency / ratePerSecond;
        random = distribution == ArrivalDistribution.Poisson ? new Random(seed) : null;
    }

    /// <summary>Intended offset of the next request not yet handed out.</summary>
    public long Next()
    {
        lock (gate)
        {
            return Advance();
        }
    }

    /// <summary>
    /// Counts the arrivals not handed out that were due at or before <paramref name="offset"/>: at the end
    /// of a run, the requests that never got a slot. Consumes the schedule; call it once workers stopped.
    /// </summary>
    public long CountUnsentDueBy(long offset)
    {
        lock (gate)
        {
            long count = 0;
            while (Advance() <= offset)
            {
                count++;
            }

            return count;
        }
    }

    /// <summary>
    /// Skips the arrivals due before <paramref name="offset"/> that no worker has taken yet, so the next one
    /// handed out is due at or after it. At the end of the warm-up this drops the warm-up's backlog (the
    /// generator's own start-up: connecting, JIT), which would otherwise be sent late in the measured part
    /// and show there as latency the server never caused. Returns how many were skipped.
    /// </summary>
    public long SkipUntil(long offset)
    {
        lock (gate)
        {
            long skipped = 0;
            if (random is null)
            {
                var first = (long)Math.Ceiling(offset / ticksPerArrival);
                if (first > index)
                {
                    skipped = first - index;
                    index = first;
                }

                return skipped;
            }

            while (poissonOffset < offset)
            {
                Advance();
                skipped++;
            }

            return skipped;
        }
    }

    private long Advance()
    {
        if (random is null)
        {
            // Computed from the index, not accumulated, so rounding never drifts the rate.
            return (long)(index++ * ticksPerArrival);
        }

        index++;
        var offset = poissonOffset;
        // 1 - NextDouble() is in (0, 1], so the logarithm is finite.
        poissonOffset += -Math.Log(1 - random.NextDouble()) * ticksPerArrival;
        return (long)offset;
    }
}
