using Npgsql;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// A real PostgreSQL server run from the installed binaries: initdb into the lab's state folder,
/// started with pg_ctl on a loopback port, as the postgres user when the lab runs as root
/// (PostgreSQL refuses to run as root). An already running lab server is adopted, not restarted,
/// unless it runs with other settings.
/// </summary>
public sealed class PostgresServer : LabResource
{
    public const string User = "sdlab";
    private readonly PostgresInstallation _installation;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly PostgresLayout _layout;
    private int _port;

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

    public string ConnectionString(string database, bool pooling = true) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = _port,
        Username = User,
        Database = database,
        Pooling = pooling,
        Timeout = 10,
    }.ConnectionString;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await _layout.PrepareAsync(cancellationToken);
        if (PostmasterPid() is not null && ReadPortFromPidFile() is { } runningPort)
        {
            if (await _layout.ReadSettingsStampAsync() == SettingsStamp() && await PingAsync(runningPort, cancellationToken))
            {
                _port = runningPort;
                return;
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
            throw new LabException(
                $"PostgreSQL did not start (pg_ctl exit code {result.ExitCode}).\n{result.Output}\nLast lines of {_layout.LogFile}:\n{LogTail.Read(_layout.LogFile)}");
        }
        await _layout.WriteSettingsStampAsync(SettingsStamp());
        StartedHere = true;
    }

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        _port != 0 && await PingAsync(_port, cancellationToken);

    public override void ThrowIfFailed()
    {
        if (StartedHere && PostmasterPid() is null)
        {
            throw new LabException($"PostgreSQL exited while starting. Last lines of {_layout.LogFile}:\n{LogTail.Read(_layout.LogFile)}");
        }
    }

    /// <summary>Stops the server only if this object started it: an adopted server belongs to someone else.</summary>
    public override Task StopAsync() => StartedHere ? StopServerAsync() : Task.CompletedTask;

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
        var result = await _layout.RunAsPostgresAsync(
            [_installation.InitDb, "-D", _layout.DataDirectory, "-U", User, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-instructions"],
            cancellationToken);
        if (!result.Succeeded)
        {
            throw new LabException($"initdb failed (exit code {result.ExitCode}) for {_layout.DataDirectory}:\n{result.Output}");
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

    private static async Task<bool> PingAsync(int port, CancellationToken cancellationToken)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder { Host = "127.0.0.1", Port = port, Username = User, Database = "postgres", Pooling = false, Timeout = 3 };
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
