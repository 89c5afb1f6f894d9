namespace SysDesignLab.LoadTesting;

/// <summary>
/// Tells whether a TCP connect started for a virtual user is still running, so a request that times out
/// while waiting for its connection is reported as a Connect error rather than a slow server.
/// </summary>
internal sealed class ConnectProbe
{
    private int pending;

    public bool IsConnecting => Volatile.Read(ref pending) > 0;

    public void Begin() => Interlocked.Increment(ref pending);

    public void End() => Interlocked.Decrement(ref pending);
}
