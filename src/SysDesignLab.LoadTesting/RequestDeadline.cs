namespace SysDesignLab.LoadTesting;

/// <summary>
/// The per-request timeout of one worker. Starting and ending a request only writes a timestamp: the shared
/// <see cref="DeadlineWatchdog"/> cancels the worker's <see cref="CancellationTokenSource"/> when a request
/// overruns, so the hot path arms no timer and allocates nothing. The source is reused across requests and
/// replaced only after it was cancelled. The run's stop token cancels it too, which aborts the in-flight
/// request at the end of the run.
/// </summary>
internal sealed class RequestDeadline : IDisposable
{
    // startedAt holds the current request's start timestamp, or one of these.
    private const long Idle = 0;
    private const long Expiring = -1;

    private readonly TimeProvider time;
    private readonly CancellationToken stopToken;
    private readonly long timeoutTicks;
    private readonly DeadlineWatchdog watchdog;
    private readonly Lock expiry = new();
    private CancellationTokenSource source;
    private CancellationTokenRegistration stopRegistration;
    private long startedAt;

    public RequestDeadline(TimeSpan timeout, TimeProvider time, CancellationToken stopToken)
    {
        Timeout = timeout;
        this.time = time;
        this.stopToken = stopToken;
        timeoutTicks = (long)(timeout.TotalSeconds * time.TimestampFrequency);
        (source, stopRegistration) = Create();
        watchdog = DeadlineWatchdog.For(time);
        watchdog.Add(this);
    }

    public TimeSpan Timeout { get; }

    /// <summary>True when the timeout (not the end of the run) cancelled the current request.</summary>
    public bool Expired => Volatile.Read(ref startedAt) == Expiring && !stopToken.IsCancellationRequested;

    public CancellationToken Start()
    {
        var now = time.GetTimestamp();
        // Timestamps are positive in practice; keep the markers unambiguous whatever the clock says.
        Volatile.Write(ref startedAt, now > Idle ? now : Idle + 1);
        return source.Token;
    }

    /// <summary>Ends the current request; after a cancellation the next request gets a fresh token.</summary>
    public void Reset()
    {
        var previous = Interlocked.Exchange(ref startedAt, Idle);
        if (previous == Expiring)
        {
            // The watchdog claimed this request: wait until it has finished cancelling before replacing the source.
            lock (expiry)
            {
            }
        }
        else if (!source.IsCancellationRequested)
        {
            // No timer was armed and the HTTP stack disposes its own registrations: nothing to undo.
            return;
        }

        stopRegistration.Dispose();
        source.Dispose();
        (source, stopRegistration) = Create();
    }

    public void Dispose()
    {
        watchdog.Remove(this);
        lock (expiry)
        {
            stopRegistration.Dispose();
            source.Dispose();
        }
    }

    internal bool IsOverdue(long now)
    {
        var started = Volatile.Read(ref startedAt);
        return started > Idle && now - started >= timeoutTicks;
    }

    /// <summary>Cancels the current request if it is still the one that overran (it may have just ended).</summary>
    internal bool TryExpire(long now)
    {
        var started = Volatile.Read(ref startedAt);
        if (started <= Idle || now - started < timeoutTicks)
        {
            return false;
        }

        lock (expiry)
        {
            // Claim the request first: if the worker ended it meanwhile, this fails and its next request is untouched.
            if (Interlocked.CompareExchange(ref startedAt, Expiring, started) != started)
            {
                return false;
            }

            try
            {
                source.Cancel();
            }
            catch (AggregateException)
            {
                // A callback of the aborted request failed; the request is cancelled all the same, and an
                // exception here would kill the watchdog's timer thread.
            }
            catch (ObjectDisposedException)
            {
                // The worker was disposed at the end of the run.
            }
        }

        return true;
    }

    private (CancellationTokenSource, CancellationTokenRegistration) Create()
    {
        var created = new CancellationTokenSource();
        var registration = stopToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), created);
        return (created, registration);
    }
}
