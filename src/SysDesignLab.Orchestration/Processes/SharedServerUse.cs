namespace SysDesignLab.Orchestration.Processes;

/// <summary>
/// One server object's use of a server other lab commands may share (PostgreSQL, its replicas,
/// RabbitMQ): its start runs under the server's file lock with a lease taken first, given back if
/// the start fails; its stop gives the lease back and stops the server only when this object
/// started it and nobody else holds a lease. One place for that life cycle, so every shared kind
/// behaves alike when two lab commands meet.
/// </summary>
internal sealed class SharedServerUse(string lockFile, string leasesFolder, string server)
{
    private ServerLeases.Lease? _lease;

    private ServerLeases Leases => new(leasesFolder, server);

    /// <summary>True between a start (successful or not yet finished) and the stop.</summary>
    public bool Held => _lease is not null;

    /// <summary>Takes a lease and runs <paramref name="startLocked"/> under the server's lock; a failed start gives the lease back.</summary>
    public async Task StartAsync(Func<Task> startLocked, CancellationToken cancellationToken)
    {
        using var serverLock = await FileLock.AcquireAsync(lockFile, cancellationToken);
        _lease ??= Leases.Take();
        try
        {
            await startLocked();
        }
        catch
        {
            _lease.Dispose();
            _lease = null;
            throw;
        }
    }

    /// <summary>The pids of the other lab processes using the server now (its live leases but this object's own).</summary>
    public IReadOnlyList<int> OtherHolders() => Leases.LiveHolders(_lease);

    /// <summary>Records that <paramref name="pid"/> (`sdlab start`'s app, which outlives the CLI) uses the server while it runs.</summary>
    public void TakeFor(int pid) => Leases.TakeFor(pid);

    /// <summary>"{server} is in use by another lab command (pid …) {why}; wait …": for a start or a fault that would disturb them.</summary>
    public LabException InUse(IReadOnlyList<int> holders, string why) =>
        new($"{server} is in use by another lab command (pid {string.Join(", ", holders)}) {why}; wait for it to finish or run `sdlab stop`.");

    /// <summary>
    /// Gives the lease back; <paramref name="stop"/> runs under the lock first when this object
    /// should stop the server: it started it (<paramref name="startedHere"/>) and no other command
    /// holds a lease, or <paramref name="evenIfShared"/> (a server made for this object alone).
    /// </summary>
    public async Task StopAsync(bool startedHere, Func<Task> stop, bool evenIfShared = false)
    {
        if (_lease is not { } lease)
        {
            return;
        }
        _lease = null;
        if (!startedHere)
        {
            lease.Dispose();
            return;
        }
        using var serverLock = await FileLock.AcquireAsync(lockFile, CancellationToken.None);
        try
        {
            if (evenIfShared || Leases.LiveHolders(lease).Count == 0)
            {
                await stop();
            }
        }
        finally
        {
            lease.Dispose();
        }
    }
}
