using Npgsql;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// A real PostgreSQL server run from the installed binaries: initdb into a folder of its own in the
/// lab's state folder (<c>&lt;StateRoot&gt;/postgres/&lt;name&gt;/</c>), started with pg_ctl on a loopback
/// port, as the postgres user when the lab runs as root (PostgreSQL refuses to run as root). Only the
/// lab's user gets in, with a generated password, over loopback TCP. An already running lab server is
/// adopted, not restarted, unless it runs with other settings and no other lab command uses it (see
/// <see cref="SharedServerUse"/>).
/// </summary>
public sealed partial class PostgresServer : LabResource
{
    public const string User = "sdlab";
    private readonly PostgresInstallation _installation;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly PostgresLayout _layout;
    private int _port;
    private string? _password;
    private int? _restartPort;

    public PostgresServer(string name, LabPaths paths, IReadOnlyDictionary<string, string>? settings = null, PostgresInstallation? installation = null)
        : base(name)
    {
        _installation = installation ?? PostgresInstallation.Find();
        _settings = PostgresSettings.Merge(settings);
        _layout = PostgresLayout.ForServer(paths, name);
    }

    public override string Kind => "postgres";
    public override IReadOnlyList<Endpoint> Endpoints => _port == 0 ? [] : [new Endpoint("tcp", "postgres", "127.0.0.1", _port)];
    public override string? LogPath => _layout.LogFile;
    public override int? ProcessId => _layout.PostmasterPid();
    public int Port => _port;
    public string DataDirectory => _layout.DataDirectory;

    /// <summary>True when this object started the server (rather than adopting a running one).</summary>
    public bool StartedHere { get; private set; }

    /// <summary>Where to say what the server does beyond starting (re-creating old data, say).</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>The pgpass file holding the lab user's password: `PGPASSFILE=… psql` logs in with it.</summary>
    public string PasswordFile => _layout.PasswordFile;

    internal string Password => _password ??= PostgresPassword.Read(_layout.PasswordFile) ?? "";

    internal PostgresInstallation Installation => _installation;

    /// <summary>
    /// The application_name of the lab's own connections (probes, the check's writes), so that
    /// what the app's connections are measured by leaves them out. Random per process: an app
    /// cannot borrow it to hide its own connections.
    /// </summary>
    public static string LabApplicationName { get; } = "sdlab-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));

    public string ConnectionString(string database, bool pooling = true, bool lab = false) =>
        BuildConnectionString(_port, Password, database, pooling, lab);

    /// <summary>The lab user's connection string to a server on <paramref name="port"/>: this one, or a replica of it (same users, same password).</summary>
    internal static string BuildConnectionString(int port, string password, string database, bool pooling, bool lab) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = User,
        Password = password,
        Database = database,
        Pooling = pooling,
        Timeout = 10,
        ApplicationName = lab ? LabApplicationName : null,
    }.ConnectionString;

    /// <summary>
    /// Stops every lab PostgreSQL server under the state folder, replicas first, whoever started them:
    /// one per folder of <c>&lt;StateRoot&gt;/postgres/</c>, its /var/tmp stand-in, and the single server
    /// older lab versions kept in <c>&lt;StateRoot&gt;/postgres/data</c>.
    /// </summary>
    public static Task StopAllAsync(LabPaths paths) => ServerFolders.StopAllAsync(paths, null);

    /// <inheritdoc cref="StopAllAsync(LabPaths)"/>
    /// <param name="paths">The lab's folders.</param>
    /// <param name="progress">Told each server it stops, and which other lab commands were still using it.</param>
    public static Task StopAllAsync(LabPaths paths, IProgress<string>? progress) => ServerFolders.StopAllAsync(paths, progress);

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await _layout.PrepareAsync(cancellationToken);
        await Use.StartAsync(async () =>
        {
            await ServerFolders.MoveLegacyServerAsync(_layout, Progress, cancellationToken);
            await StartLockedAsync(cancellationToken);
        }, cancellationToken);
    }

    private async Task StartLockedAsync(CancellationToken cancellationToken)
    {
        await ReplaceUnprotectedClusterAsync();
        if (_layout.PostmasterPid() is not null && _layout.PortFromPidFile() is { } runningPort)
        {
            var sameSettings = await _layout.ReadSettingsStampAsync() == SettingsStamp();
            if (sameSettings && await PingAsync(runningPort, cancellationToken))
            {
                if (await ReplicationAccess.EnsureAsync(_layout.HbaFile, cancellationToken))
                {
                    await ReloadAsync(cancellationToken);
                }
                _port = runningPort;
                return;
            }
            if (LeaseHolders() is { Count: > 0 } holders)
            {
                throw Use.InUse(holders, sameSettings ? "but does not answer" : "with other settings");
            }
            await StopServerAsync();
        }
        if (!File.Exists(Path.Combine(_layout.DataDirectory, "PG_VERSION")))
        {
            await InitDbAsync(cancellationToken);
        }
        else
        {
            await ReplicationAccess.EnsureAsync(_layout.HbaFile, cancellationToken);
        }
        _port = _restartPort ?? FreePort.Find();
        var result = await _layout.RunAsPostgresAsync(
            ["setsid", _installation.PgCtl, "start", "-D", _layout.DataDirectory, "-l", _layout.LogFile, "-w", "-t", "60",
             "-o", PostgresSettings.ToCommandLine(_port, _settings)],
            cancellationToken);
        if (!result.Succeeded)
        {
            var log = LogTail.Read(_layout.LogFile);
            // The log keeps old lines too: it counts only while the disk is still short of space.
            if (DiskSpace.IsFull(result.Output) || (DiskSpace.IsFull(log) && DiskSpace.FreeBytes(_layout.Root) < DiskSpace.ClusterBytes))
            {
                throw DiskSpace.Full(_layout.Root, DiskSpace.ClusterBytes);
            }
            throw new LabException(
                $"PostgreSQL did not start (pg_ctl exit code {result.ExitCode}).\n{result.Output}\nLast lines of {_layout.LogFile}:\n{log}");
        }
        await _layout.WriteSettingsStampAsync(SettingsStamp());
        StartedHere = true;
    }

    /// <summary>The pids of the other lab processes using the server now (its live leases but this object's own).</summary>
    public IReadOnlyList<int> LeaseHolders() => Use.OtherHolders();

    /// <summary>Records that <paramref name="pid"/> (`sdlab start`'s app, which outlives the CLI) uses the server while it runs.</summary>
    public void LeaseFor(int pid) => Use.TakeFor(pid);

    private SharedServerUse Use => _use ??= new(_layout.LockFile, _layout.LeasesFolder, "PostgreSQL");

    private SharedServerUse? _use;

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        _port != 0 && await PingAsync(_port, cancellationToken);

    public override void ThrowIfFailed()
    {
        if (StartedHere && _layout.PostmasterPid() is null)
        {
            throw new LabException($"PostgreSQL exited while starting. Last lines of {_layout.LogFile}:\n{LogTail.Read(_layout.LogFile)}");
        }
    }

    /// <summary>
    /// Gives this object's lease back, and stops the server if this object started it and no other
    /// lab command holds a lease: an adopted server, or one still in use, belongs to someone else.
    /// </summary>
    public override Task StopAsync() => Use.StopAsync(StartedHere, StopServerAsync);

    /// <summary>Stops this server if it is running, whoever started it.</summary>
    public Task StopServerAsync() => _layout.StopPostmasterAsync(_installation);

    public bool IsRunning => _layout.PostmasterPid() is not null;

    /// <summary>A running server reads pg_hba.conf again (SIGHUP): new lines count for the next connection.</summary>
    private async Task ReloadAsync(CancellationToken cancellationToken)
    {
        var result = await _layout.RunAsPostgresAsync([_installation.PgCtl, "reload", "-D", _layout.DataDirectory], cancellationToken);
        if (!result.Succeeded)
        {
            throw new LabException($"PostgreSQL did not reload {_layout.HbaFile} (pg_ctl exit code {result.ExitCode}): {result.Output} Run `sdlab stop` and try again.");
        }
    }

    private async Task InitDbAsync(CancellationToken cancellationToken)
    {
        DiskSpace.EnsureFree(_layout.Root, DiskSpace.ClusterBytes);
        _password = PostgresPassword.Ensure(_layout.PasswordFile);
        var passwordFile = await PostgresPassword.WriteInitDbFileAsync(_layout.Root, _password, ProcessRunner.IsRoot ? "postgres" : null, cancellationToken);
        ProcessResult result;
        try
        {
            result = await _layout.RunAsPostgresAsync(
                [_installation.InitDb, "-D", _layout.DataDirectory, "-U", User, "--auth=scram-sha-256", "--pwfile", passwordFile,
                 "-E", "UTF8", "--locale=C", "--no-instructions"],
                cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
        if (!result.Succeeded)
        {
            throw DiskSpace.IsFull(result.Output)
                ? DiskSpace.Full(_layout.Root, DiskSpace.ClusterBytes)
                : new LabException($"initdb failed (exit code {result.ExitCode}) for {_layout.DataDirectory}:\n{result.Output}");
        }
        // initdb also lets in ::1 and every user; the lab listens on 127.0.0.1 only, with no unix socket.
        await File.WriteAllTextAsync(_layout.HbaFile, ReplicationAccess.Hba, cancellationToken);
    }

    /// <summary>
    /// Older lab versions initialised the cluster with --auth=trust, letting any local user in as
    /// superuser. Lab data is rebuilt from the scenarios' scripts on every run, so such a cluster is
    /// simply dropped and initialised again, with a password.
    /// </summary>
    private async Task ReplaceUnprotectedClusterAsync()
    {
        if (!File.Exists(Path.Combine(_layout.DataDirectory, "PG_VERSION")) ||
            (PostgresPassword.Read(_layout.PasswordFile) is not null && !HbaTrustsAnyone()))
        {
            return;
        }
        if (_layout.PostmasterPid() is not null && LeaseHolders() is { Count: > 0 } holders)
        {
            throw new LabException($"PostgreSQL's data in {_layout.DataDirectory} has no password set, and another lab command (pid {string.Join(", ", holders)}) " +
                "uses the server; wait for it to finish or run `sdlab stop`.");
        }
        Progress?.Report($"PostgreSQL's data in {_layout.DataDirectory} was set up without a password by an older lab version; " +
            "re-creating it with one (the scenarios' data is rebuilt from their scripts).");
        await StopServerAsync();
        Directory.Delete(_layout.DataDirectory, recursive: true);
        _password = null;
    }

    private bool HbaTrustsAnyone()
    {
        try
        {
            return File.ReadLines(_layout.HbaFile)
                .Select(line => line.Split('#')[0].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
                .Any(fields => fields.Contains("trust", StringComparer.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private string SettingsStamp() => $"{_installation.BinDirectory}|{PostgresSettings.ToCommandLine(0, _settings)}";

    private async Task<bool> PingAsync(int port, CancellationToken cancellationToken) =>
        await ServerProbe.TryScalarAsync(port, Password, "SELECT 1", cancellationToken) is not null;
}
