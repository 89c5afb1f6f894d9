namespace SysDesignLab.LoadTesting;

/// <summary>
/// The per-request timeout of one virtual user. One <see cref="CancellationTokenSource"/> is reused across
/// requests (TryReset) and only replaced after it actually fired, so the steady state allocates nothing.
/// The run's stop token cancels it too, which aborts the in-flight request at the end of the run.
/// </summary>
internal sealed class RequestDeadline : IDisposable
{
    private readonly TimeSpan timeout;
    private readonly TimeProvider time;
    private readonly CancellationToken stopToken;
    private CancellationTokenSource source;
    private CancellationTokenRegistration stopRegistration;

    public RequestDeadline(TimeSpan timeout, TimeProvider time, CancellationToken stopToken)
    {
        this.timeout = timeout;
        this.time = time;
        this.stopToken = stopToken;
        (source, stopRegistration) = Create();
    }

    /// <summary>True when the timeout (not the end of the run) cancelled the current request.</summary>
    public bool Expired => source.IsCancellationRequested && !stopToken.IsCancellationRequested;

    public CancellationToken Start()
    {
        source.CancelAfter(timeout);
        return source.Token;
    }

    public void Reset()
    {
        if (source.TryReset())
        {
            return;
        }

        stopRegistration.Dispose();
        source.Dispose();
        (source, stopRegistration) = Create();
    }

    public void Dispose()
    {
        stopRegistration.Dispose();
        source.Dispose();
    }

    private (CancellationTokenSource, CancellationTokenRegistration) Create()
    {
        var created = new CancellationTokenSource(Timeout.InfiniteTimeSpan, time);
        var registration = stopToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), created);
        return (created, registration);
    }
}
