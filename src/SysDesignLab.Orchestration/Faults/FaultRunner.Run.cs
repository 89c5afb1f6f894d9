namespace SysDesignLab.Orchestration.Faults;

public static partial class FaultRunner
{
    /// <summary>One call's clock, target lookup and journal, shared by its targets' sequences.</summary>
    private sealed class Run(
        Func<string, LabResource?> resolve,
        Action<FaultEvent>? onEvent,
        TimeProvider time,
        long started,
        CancellationToken cancellationToken)
    {
        private readonly Lock _gate = new();
        private readonly List<FaultEvent> _events = [];

        public CancellationToken CancellationToken => cancellationToken;
        public bool Cancelled => cancellationToken.IsCancellationRequested;

        /// <summary>The offset from the schedule's start.</summary>
        public TimeSpan Now() => time.GetElapsedTime(started);

        public async Task DelayUntilAsync(TimeSpan due)
        {
            // A timer may fire a fraction of a millisecond early by the clock: a fault is never early.
            for (var wait = due - Now(); wait > TimeSpan.Zero; wait = due - Now())
            {
                await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, time, cancellationToken).ConfigureAwait(false);
            }
            cancellationToken.ThrowIfCancellationRequested();
        }

        /// <summary>A user's lookup may throw on a name it does not know: that is an unknown target too.</summary>
        public LabResource? Resolve(string target)
        {
            try
            {
                return resolve(target);
            }
            catch (Exception e) when (e is KeyNotFoundException or ArgumentException or InvalidOperationException)
            {
                return null;
            }
        }

        public void Report(Fault fault, TimeSpan at, bool succeeded, string message)
        {
            var happened = new FaultEvent(fault.At, at, fault.Action, fault.Target, succeeded, message);
            // Under the lock so onEvent sees one event at a time, in the journal's order.
            lock (_gate)
            {
                _events.Add(happened);
                onEvent?.Invoke(happened);
            }
        }

        public IReadOnlyList<FaultEvent> Events()
        {
            lock (_gate)
            {
                return _events.OrderBy(e => e.ActualAt).ToList();
            }
        }
    }
}
