namespace SysDesignLab.LoadTesting;

/// <summary>
/// Double-buffered tally owned by one thread. The owner records into the active buffer inside a
/// <see cref="RecordingPhaser"/> critical section (two uncontended interlocked increments, no lock);
/// the sampler swaps buffers and flips the phase, which waits only for a record already in progress.
/// </summary>
internal sealed class RecorderCell
{
    private readonly RecordingPhaser phaser = new();
    private readonly Lock readerLock = new();
    private volatile IntervalTally active;
    private IntervalTally inactive;

    public RecorderCell(int endpointCount = 1)
    {
        active = new IntervalTally(endpointCount);
        inactive = new IntervalTally(endpointCount);
    }

    public void Record(RequestOutcome outcome, long micros, int endpoint = 0)
    {
        var token = phaser.WriterEnter();
        try
        {
            active.Record(outcome, micros, endpoint);
        }
        finally
        {
            phaser.WriterExit(token);
        }
    }

    public void Record(RequestOutcome outcome, long correctedMicros, long uncorrectedMicros, bool late, int endpoint = 0)
    {
        var token = phaser.WriterEnter();
        try
        {
            active.Record(outcome, correctedMicros, uncorrectedMicros, late, endpoint);
        }
        finally
        {
            phaser.WriterExit(token);
        }
    }

    /// <summary>Moves everything recorded since the previous call into <paramref name="target"/>.</summary>
    public void DrainInto(IntervalTally target)
    {
        lock (readerLock)
        {
            var drained = active;
            active = inactive;
            inactive = drained;
            phaser.FlipPhase();
            target.Add(drained);
            drained.Reset();
        }
    }
}
