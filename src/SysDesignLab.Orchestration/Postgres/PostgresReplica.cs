using System.Globalization;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// A streaming replica (hot standby) of a lab <see cref="PostgresServer"/>, in
/// <c>&lt;StateRoot&gt;/postgres/&lt;name&gt;/</c>: a fresh pg_basebackup of the primary on every start,
/// run with pg_ctl on a loopback port of its own, as the postgres user when the lab runs as root. It
/// serves reads while it replays the primary's WAL, and refuses writes (a read-only transaction
/// error). Its settings (<see cref="PostgresReplicaSettings"/>) can hold replay back
/// (recovery_min_apply_delay), so replication lag is real and as long as the scenario asks.
/// </summary>
/// <remarks>
/// Its data is a throwaway clone: never adopted, deleted when it stops, cloned again on each start, so
/// a replica never serves data from an older run. Measured with PostgreSQL 15 on 2 cores under load:
/// a cold start (clone of a small primary, pg_ctl start) takes 2 to 3 s, ready 0.3 s later, and stops
/// in 0.5 s; a 383 MB primary takes 5.5 to 7.7 s (see <see cref="ReplicaClone"/>).
/// </remarks>
public sealed class PostgresReplica : LabResource
{
    private readonly PostgresLayout _layout;
    private readonly IReadOnlyDictionary<string, string> _overrides;
    private int _port;

    public PostgresReplica(string name, PostgresServer primary, LabPaths paths, IReadOnlyDictionary<string, string>? settings = null)
        : base(name)
    {
        if (name == primary.Name)
        {
            throw new LabException($"Replica '{name}' has the name of its primary; give it a name of its own (the name is its folder).");
        }
        if (PostgresReplicaSettings.Validate(settings) is { Count: > 0 } problems)
        {
            throw new LabException($"Replica '{name}' has settings the lab cannot run it with: {string.Join(" ", problems)}");
        }
        Primary = primary;
        _overrides = settings ?? new Dictionary<string, string>();
        _layout = PostgresLayout.ForServer(paths, name);
        WaitsFor(primary);
    }

    public PostgresServer Primary { get; }
    public override string Kind => "postgres-replica";
    public override IReadOnlyList<Endpoint> Endpoints => _port == 0 ? [] : [new Endpoint("tcp", "postgres", "127.0.0.1", _port)];
    public override string? LogPath => _layout.LogFile;
    public override int? ProcessId => _layout.PostmasterPid();
    public int Port => _port;
    public string DataDirectory => _layout.DataDirectory;
    public bool IsRunning => _layout.PostmasterPid() is not null;

    /// <summary>The replica's pgpass file (the primary's user and password): `PGPASSFILE=… psql -p {Port}` logs in with it.</summary>
    public string PasswordFile => _layout.PasswordFile;

    /// <summary>How long it holds each commit back on purpose (recovery_min_apply_delay); zero when not asked.</summary>
    public TimeSpan ApplyDelay =>
        _overrides.TryGetValue("recovery_min_apply_delay", out var delay) && PostgresReplicaSettings.TryParseDuration(delay, out var parsed) ? parsed : TimeSpan.Zero;

    /// <summary>The lab user's connection string to the replica: the primary's user and password, which the clone carries.</summary>
    public string ConnectionString(string database, bool pooling = true, bool lab = false) =>
        PostgresServer.BuildConnectionString(_port, Primary.Password, database, pooling, lab);

    private SharedServerUse Use => _use ??= new(_layout.LockFile, _layout.LeasesFolder, $"Replica '{Name}'");

    private SharedServerUse? _use;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await _layout.PrepareAsync(cancellationToken);
        await Use.StartAsync(() => StartLockedAsync(cancellationToken), cancellationToken);
    }

    private async Task StartLockedAsync(CancellationToken cancellationToken)
    {
        // Left by a lab command that crashed, or in use by another one: never adopted, since its data may be from an older run.
        if (_layout.PostmasterPid() is not null)
        {
            if (Use.OtherHolders() is { Count: > 0 } holders)
            {
                throw Use.InUse(holders, "and its data may be from an older run");
            }
            await _layout.StopPostmasterAsync(Primary.Installation);
        }
        _port = 0;
        var facts = await ReplicaClone.ReadPrimaryAsync(Primary, Name, cancellationToken);
        var settings = Settings(facts.Minimums);
        try
        {
            await ReplicaClone.CloneAsync(Primary, facts, _layout, Name, cancellationToken);
            // A fresh clone gets a fresh log; pg_ctl creates it, so it belongs to the user the server runs as.
            File.Delete(_layout.LogFile);
            var port = FreePort.Find();
            var result = await _layout.RunAsPostgresAsync(
                ["setsid", Primary.Installation.PgCtl, "start", "-D", _layout.DataDirectory, "-l", _layout.LogFile, "-w", "-t", "60",
                 "-o", PostgresSettings.ToCommandLine(port, settings)],
                cancellationToken);
            if (!result.Succeeded)
            {
                throw new LabException($"Replica '{Name}' did not start (pg_ctl exit code {result.ExitCode}).\n{result.Output}\n" +
                    $"Last lines of {_layout.LogFile}:\n{LogTail.Read(_layout.LogFile)}");
            }
            _port = port;
        }
        catch
        {
            // Whatever half-started here is this object's: nothing is left running or cloned.
            await _layout.StopPostmasterAsync(Primary.Installation);
            ReplicaClone.Discard(_layout);
            throw;
        }
    }

    /// <summary>
    /// The lab's defaults, raised to the primary's values where a hot standby must match them, then
    /// the replica's own settings.
    /// </summary>
    private Dictionary<string, string> Settings(IReadOnlyDictionary<string, string> minimums)
    {
        var merged = new Dictionary<string, string>(PostgresSettings.Defaults);
        foreach (var (key, value) in minimums.Concat(PostgresReplicaSettings.Defaults).Concat(_overrides))
        {
            merged[key] = value.Trim();
        }
        if (_overrides.TryGetValue("max_connections", out var asked) && minimums.TryGetValue("max_connections", out var primaryValue) &&
            int.Parse(asked.Trim(), CultureInfo.InvariantCulture) < int.Parse(primaryValue, CultureInfo.InvariantCulture))
        {
            throw new LabException($"Replica '{Name}' asks for max_connections={asked.Trim()}, below its primary's {primaryValue}: a hot standby " +
                "needs at least as many. Raise it, or leave it out to take the primary's.");
        }
        return merged;
    }

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        _port != 0 && await ServerProbe.TryScalarAsync(_port, Primary.Password, "SELECT pg_is_in_recovery()", cancellationToken) is true;

    public override void ThrowIfFailed()
    {
        if (_port != 0 && _layout.PostmasterPid() is null)
        {
            throw new LabException($"Replica '{Name}' exited while starting. Last lines of {_layout.LogFile}:\n{LogTail.Read(_layout.LogFile)}");
        }
    }

    /// <summary>Fast stop (sessions are cut), then its clone is deleted; its log stays for a look afterwards.</summary>
    public override async Task StopAsync()
    {
        if (!Use.Held)
        {
            return;
        }
        _port = 0;
        // A replica is a clone made for this run alone: it goes with its lease, whoever else looked at it.
        await Use.StopAsync(startedHere: true, async () =>
        {
            await _layout.StopPostmasterAsync(Primary.Installation);
            ReplicaClone.Discard(_layout);
        }, evenIfShared: true);
    }
}
