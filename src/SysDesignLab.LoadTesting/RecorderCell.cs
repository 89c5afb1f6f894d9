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
    private volatile IntervalTally active = new();
    private IntervalTally inactive = new();

    public void Record(RequestOutcome outcome, long micros)
    {
        var token = phaser.WriterEnter();
        try
        {
            active.Record(outcome, micros);
        }
        finally
        {
            phaser.WriterExit(token);
        }
    }

    public void Record(RequestOutcome outcome, long correctedMicros, long uncorrectedMicros, bool late)
    {
        var token = phaser.WriterEnter();
        try
        {
            active.Record(outcome, correctedMicros, uncorrectedMicros, late);
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
