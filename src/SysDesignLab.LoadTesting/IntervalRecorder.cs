namespace SysDesignLab.LoadTesting;

/// <summary>
/// Per-run recorder with one <see cref="RecorderCell"/> per thread that ever records. Cells are per thread,
/// not per virtual user, so memory grows with the thread pool (a handful of ~140 KB histograms) instead of
/// with the user count, and the hot path never shares a cache line with another writer.
/// </summary>
internal sealed class IntervalRecorder : IDisposable
{
    private readonly List<RecorderCell> cells = [];
    private readonly ThreadLocal<RecorderCell> local;

    public IntervalRecorder(int endpointCount = 1)
    {
        // Cells are kept in our own list, not ThreadLocal.Values: a pool thread may exit mid-run and its
        // last records must still be drained.
        local = new ThreadLocal<RecorderCell>(() =>
        {
            var cell = new RecorderCell(endpointCount);
            lock (cells)
            {
                cells.Add(cell);
            }

            return cell;
        });
    }

    public void Record(RequestOutcome outcome, long micros, int endpoint = 0) => local.Value!.Record(outcome, micros, endpoint);

    public void Record(RequestOutcome outcome, long correctedMicros, long uncorrectedMicros, bool late, int endpoint = 0) =>
        local.Value!.Record(outcome, correctedMicros, uncorrectedMicros, late, endpoint);

    /// <summary>Adds everything recorded since the previous call to <paramref name="target"/>.</summary>
    public void DrainInto(IntervalTally target)
    {
        RecorderCell[] snapshot;
        lock (cells)
        {
            snapshot = [.. cells];
        }

        foreach (var cell in snapshot)
        {
            cell.DrainInto(target);
        }
    }

    public void Dispose() => local.Dispose();
}
