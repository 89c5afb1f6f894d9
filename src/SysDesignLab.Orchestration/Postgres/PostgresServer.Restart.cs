using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>A fault's restart of the server (see Faults/FaultRunner).</summary>
public sealed partial class PostgresServer
{
    /// <summary>
    /// A fault's restart: pg_ctl stop (if it still runs), then start again, on the same port while
    /// that is free (else on another, which <see cref="LabResource.Endpoints"/> then shows). Refused
    /// while another lab command uses the server: the fault is this lab's, not theirs.
    /// </summary>
    public override async Task RestartAsync(CancellationToken cancellationToken)
    {
        if (LeaseHolders() is { Count: > 0 } holders)
        {
            throw Use.InUse(holders, "and a fault does not restart it under them");
        }
        KilledByFault = true;
        await StopServerAsync();
        await ForgetKilledPostmasterAsync(cancellationToken);
        var samePort = _port != 0 && !FreePort.IsInUse(_port);
        if (_port != 0 && !samePort)
        {
            Progress?.Report($"PostgreSQL's port {_port} is taken now; it restarts on another port.");
        }
        _restartPort = samePort ? _port : null;
        try
        {
            await StartAsync(cancellationToken);
        }
        finally
        {
            _restartPort = null;
        }
        KilledByFault = false;
        await WaitHealthyAsync(cancellationToken);
    }

    /// <summary>
    /// A killed postmaster's pid lingers as a zombie until init reaps it (up to a second where init
    /// polls, forever where it never does), and PostgreSQL will not start while the pid in
    /// postmaster.pid exists. Once all of the old server is dead that file is stale: it goes.
    /// </summary>
    private async Task ForgetKilledPostmasterAsync(CancellationToken cancellationToken)
    {
        var lines = _layout.ReadPidFile();
        if (lines.Length == 0 || !int.TryParse(lines[0], out var pid) || BackgroundProcess.IsAlive(pid))
        {
            return;
        }
        for (var i = 0; i < 20 && NativeMethods.Kill(pid, 0) == 0; i++)
        {
            await Task.Delay(100, cancellationToken);
        }
        if (NativeMethods.Kill(pid, 0) == 0 && !BackgroundProcess.IsGroupAlive(pid))
        {
            File.Delete(Path.Combine(_layout.DataDirectory, "postmaster.pid"));
        }
    }
}
