using System.Runtime.CompilerServices;

namespace SysDesignLab.LoadTesting;

/// <summary>
/// One coarse timer per clock that cancels the requests that have overrun their <see cref="RequestDeadline"/>.
/// Arming a timer per request (CancelAfter, then disarming it) takes the timer queue's lock twice per request
/// on the hot path; instead each deadline only writes its start time, and this timer looks at all of them a
/// few dozen times per timeout. A timeout therefore fires up to one period late (≤ 2% of the timeout).
/// </summary>
internal sealed class DeadlineWatchdog
{
    private static readonly ConditionalWeakTable<TimeProvider, DeadlineWatchdog> ByClock = new();
    private static readonly TimeSpan MinPeriod = TimeSpan.FromMilliseconds(1);
    private static readonly TimeSpan MaxPeriod = TimeSpan.FromMilliseconds(50);

    private readonly TimeProvider time;
    private readonly Lock gate = new();
    private readonly List<RequestDeadline> deadlines = [];
    private readonly List<RequestDeadline> overdue = [];
    private ITimer? timer;
    private TimeSpan period;
    private int checking;

    private DeadlineWatchdog(TimeProvider time) => this.time = time;

    /// <summary>The watchdog of <paramref name="time"/>: tests with a fake clock get their own.</summary>
    public static DeadlineWatchdog For(TimeProvider time) => ByClock.GetValue(time, static clock => new DeadlineWatchdog(clock));

    /// <summary>How often deadlines of this length are checked: a fiftieth of the timeout, within 1–50 ms.</summary>
    public static TimeSpan PeriodFor(TimeSpan timeout)
    {
        var fiftieth = timeout / 50;
        return fiftieth < MinPeriod ? MinPeriod : fiftieth > MaxPeriod ? MaxPeriod : fiftieth;
    }

    /// <summary>The number of deadlines being watched (the timer runs only while there are some).</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return deadlines.Count;
            }
        }
    }

    public void Add(RequestDeadline deadline)
    {
        var wanted = PeriodFor(deadline.Timeout);
        lock (gate)
        {
            deadlines.Add(deadline);
            if (timer is null)
            {
                period = wanted;
                timer = time.CreateTimer(static state => ((DeadlineWatchdog)state!).Check(), this, period, period);
            }
            else if (wanted < period)
            {
                period = wanted;
                timer.Change(period, period);
            }
        }
    }

    public void Remove(RequestDeadline deadline)
    {
        lock (gate)
        {
            deadlines.Remove(deadline);
            if (deadlines.Count == 0)
            {
                // Nothing left to watch (the run is over): stop ticking; the next run starts a new timer.
                timer?.Dispose();
                timer = null;
            }
        }
    }

    /// <summary>Cancels every overdue request; called by the timer, and by tests.</summary>
    internal void Check()
    {
        // A tick that outlasts the period (a stalled machine) must not run beside the next one: they share `overdue`.
        if (Interlocked.Exchange(ref checking, 1) == 1)
        {
            return;
        }

        try
        {
            var now = time.GetTimestamp();
            lock (gate)
            {
                foreach (var deadline in deadlines)
                {
                    if (deadline.IsOverdue(now))
                    {
                        overdue.Add(deadline);
                    }
                }
            }

            // Outside the lock: cancelling runs the HTTP stack's callbacks (aborting the connection).
            foreach (var deadline in overdue)
            {
                deadline.TryExpire(now);
            }

            overdue.Clear();
        }
        finally
        {
            Volatile.Write(ref checking, 0);
        }
    }
}
