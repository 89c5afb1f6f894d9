using Npgsql;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// A real PostgreSQL server run from the installed binaries: initdb into the lab's state folder,
/// started with pg_ctl on a loopback port, as the postgres user when the lab runs as root
/// (PostgreSQL refuses to run as root). Only the lab's user gets in, with a generated password, over
/// loopback TCP. An already running lab server is adopted, not restarted, unless it runs with other
/// settings and no other lab command uses it (see <see cref="ServerLeases"/>).
/// </summary>
public sealed class PostgresServer : LabResource
{
    public const string User = "sdlab";
    private readonly PostgresInstallation _installation;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly PostgresLayout _layout;
    private int _port;
    private string? _password;
    private ServerLeases.Lease? _lease;

    public PostgresServer(string name, LabPaths paths, IReadOnlyDictionary<string, string>? settings = null, PostgresInstallation? installation = null)
        : base(name)
    {
        _installation = installation ?? PostgresInstallation.Find();
        _settings = PostgresSettings.Merge(settings);
        _layout = new PostgresLayout(paths.Postgres);
    }

    public override string Kind => "postgres";
    public override IReadOnlyList<Endpoint> Endpoints => _port == 0 ? [] : [new Endpoint("tcp", "postgres", "127.0.0.1", _port)];
    public override string? LogPath => _layout.LogFile;
    public override int? ProcessId => PostmasterPid();
    public int Port => _port;
    public string DataDirectory => _layout.DataDirectory;

    /// <summary>True when this object started the server (rather than adopting a running one).</summary>
    public bool StartedHere { get; private set; }

    /// <summary>Where to say what the server does beyond starting (re-creating old data, say).</summary>
    public IProgress<string>? Progress { get; init; }

    /// <summary>The pgpass file holding the lab user's password: `PGPASSFILE=… psql` logs in with it.</summary>
    public string PasswordFile => _layout.PasswordFile;

    private string Password => _password ??= PostgresPassword.Read(_layout.PasswordFile) ?? "";

    /// <summary>
    /// The application_name of the lab's own connections (probes, the check's writes), so that
    /// what the app's connections are measured by leaves them out. Random per process: an app
    /// cannot borrow it to hide its own connections.
    /// </summary>
    public static string LabApplicationName { get; } = "sdlab-" + Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(6));

    public string ConnectionString(string database, bool pooling = true, bool lab = false) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = User,
        Password = Password,
        Database = database,
        Pooling = pooling,
        Timeout = 10,
        ApplicationName = lab ? LabApplicationName : null,
    }.ConnectionString;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await _layout.PrepareAsync(cancellationToken);
        using var serverLock = await FileLock.AcquireAsync(_layout.LockFile, cancellationToken);
        _lease ??= Leases.Take();
        try
        {
            await StartLockedAsync(cancellationToken);
        }
        catch
        {
            _lease.Dispose();
            _lease = null;
            throw;
        }
    }

    private async Task StartLockedAsync(CancellationToken cancellationToken)
    {
        await ReplaceUnprotectedClusterAsync();
        if (PostmasterPid() is not null && ReadPortFromPidFile() is { } runningPort)
        {
            var sameSettings = await _layout.ReadSettingsStampAsync() == SettingsStamp();
            if (sameSettings && await PingAsync(runningPort, cancellationToken))
            {
                _port = runningPort;
                return;
            }
            if (LeaseHolders() is { Count: > 0 } holders)
            {
                throw new LabException($"PostgreSQL is in use by another lab command ({Pids(holders)}) " +
                    (sameSettings ? "but does not answer" : "with other settings") + "; wait for it to finish or run `sdlab stop`.");
            }
            await StopServerAsync();
        }
        if (!File.Exists(Path.Combine(_layout.DataDirectory, "PG_VERSION")))
        {
            await InitDbAsync(cancellationToken);
        }
        _port = FreePort.Find();
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
    public IReadOnlyList<int> LeaseHolders() => Leases.LiveHolders(_lease);

    /// <summary>Records that <paramref name="pid"/> (`sdlab start`'s app, which outlives the CLI) uses the server while it runs.</summary>
    public void LeaseFor(int pid) => Leases.TakeFor(pid);

    private ServerLeases Leases => new(_layout.LeasesFolder, "PostgreSQL server");

    private static string Pids(IReadOnlyList<int> pids) => "pid " + string.Join(", ", pids);

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        _port != 0 && await PingAsync(_port, cancellationToken);

    public override void ThrowIfFailed()
    {
        if (StartedHere && PostmasterPid() is null)
        {
            throw new LabException($"PostgreSQL exited while starting. Last lines of {_layout.LogFile}:\n{LogTail.Read(_layout.LogFile)}");
        }
    }

    /// <summary>
    /// Gives this object's lease back, and stops the server if this object started it and no other
    /// lab command holds a lease: an adopted server, or one still in use, belongs to someone else.
    /// </summary>
    public override async Task StopAsync()
    {
        if (_lease is not { } lease)
        {
            return;
        }
        _lease = null;
        if (!StartedHere)
        {
            lease.Dispose();
            return;
        }
        using var serverLock = await FileLock.AcquireAsync(_layout.LockFile, CancellationToken.None);
        var others = Leases.LiveHolders(lease);
        lease.Dispose();
        if (others.Count == 0)
        {
            await StopServerAsync();
        }
    }

    /// <summary>Stops the lab's server if one is running, whoever started it.</summary>
    public async Task StopServerAsync()
    {
        if (PostmasterPid() is not { } pid)
        {
            return;
        }
        var result = await _layout.RunAsPostgresAsync(
            [_installation.PgCtl, "stop", "-D", _layout.DataDirectory, "-m", "fast", "-w", "-t", "30"], CancellationToken.None);
        if (!result.Succeeded && BackgroundProcess.IsAlive(pid))
        {
            await BackgroundProcess.StopGroupAsync(pid, TimeSpan.FromSeconds(10));
        }
    }

    public bool IsRunning => PostmasterPid() is not null;

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
        // initdb also lets in ::1 and replication; the lab listens on 127.0.0.1 only, with no unix socket.
        await File.WriteAllTextAsync(_layout.HbaFile,
            "# Written by SysDesign Lab: the lab's user logs in with its password (SCRAM), over loopback TCP only.\n" +
            $"host all {User} 127.0.0.1/32 scram-sha-256\n", cancellationToken);
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
        if (PostmasterPid() is not null && LeaseHolders() is { Count: > 0 } holders)
        {
            throw new LabException($"PostgreSQL's data in {_layout.DataDirectory} has no password set, and another lab command ({Pids(holders)}) " +
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

    private int? PostmasterPid()
    {
        var lines = ReadPidFile();
        return lines.Length > 0 && int.TryParse(lines[0], out var pid) && BackgroundProcess.IsAlive(pid) ? pid : null;
    }

    private int? ReadPortFromPidFile()
    {
        var lines = ReadPidFile();
        return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
    }

    private string[] ReadPidFile()
    {
        try
        {
            return File.ReadAllLines(Path.Combine(_layout.DataDirectory, "postmaster.pid"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private async Task<bool> PingAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1", Port = port, Username = User, Password = Password, Database = "postgres", Pooling = false, Timeout = 3,
            };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("SELECT 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            return false;
        }
    }
}
