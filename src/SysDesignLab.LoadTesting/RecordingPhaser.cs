namespace SysDesignLab.LoadTesting;

/// <summary>
/// Gil Tene's writer-reader phaser: writers enter and leave wait-free (one interlocked increment each);
/// a reader flips the phase and then waits only for writers that entered before the flip.
/// </summary>
/// <remarks>
/// HdrHistogram.NET ships one, but its spin loop reads the epochs without acquire semantics, which the JIT
/// may hoist and ARM64 may reorder against the reader's later loads of the drained buffer.
/// Callers must serialize <see cref="FlipPhase"/> themselves.
/// </remarks>
internal sealed class RecordingPhaser
{
    private long startEpoch;
    private long evenEndEpoch;
    private long oddEndEpoch = long.MinValue;

    /// <returns>A token to hand to the matching <see cref="WriterExit"/>.</returns>
    public long WriterEnter() => Interlocked.Increment(ref startEpoch) - 1;

    public void WriterExit(long token)
    {
        if (token < 0)
        {
            Interlocked.Increment(ref oddEndEpoch);
        }
        else
        {
            Interlocked.Increment(ref evenEndEpoch);
        }
    }

    /// <summary>
    /// Starts a new phase and returns once every writer of the previous phase has exited; after that the
    /// buffer those writers saw can be read safely.
    /// </summary>
    public void FlipPhase()
    {
        var nextPhaseIsEven = Volatile.Read(ref startEpoch) < 0;
        var initial = nextPhaseIsEven ? 0 : long.MinValue;
        if (nextPhaseIsEven)
        {
            Interlocked.Exchange(ref evenEndEpoch, initial);
        }
        else
        {
            Interlocked.Exchange(ref oddEndEpoch, initial);
        }

        var startAtFlip = Interlocked.Exchange(ref startEpoch, initial);
        var spinner = default(SpinWait);
        while ((nextPhaseIsEven ? Volatile.Read(ref oddEndEpoch) : Volatile.Read(ref evenEndEpoch)) != startAtFlip)
        {
            spinner.SpinOnce();
        }
    }
}
