using System.Globalization;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Redis;

/// <summary>
/// A real Redis server run from the installed redis-server on a free loopback port, with a
/// generated password, in its own process group. Every start is a fresh, empty server (a cache
/// starts cold): the lab writes its config into <c>&lt;StateRoot&gt;/redis/&lt;name&gt;/</c> and clears any
/// data files left there. A pid file in that folder lets another lab command (`sdlab stop`) find it.
/// </summary>
public sealed class RedisServer : LabResource
{
    public const string InstallHint = "sudo apt-get install -y redis-server";
    private const string PidFileName = "server.pid";
    private const string ConfigFileName = "redis.conf";
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(10);

    private readonly string _binary;
    private readonly string _folder;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private BackgroundProcess? _process;
    private string? _password;

    /// <summary>Throws <see cref="PrerequisiteMissingException"/> when redis-server is not installed, and a <see cref="LabException"/> for bad settings.</summary>
    public RedisServer(string name, LabPaths paths, IReadOnlyDictionary<string, string>? settings = null)
        : base(name)
    {
        if (name.Length == 0 || name.Any(c => !char.IsAsciiLetterOrDigit(c) && c is not ('-' or '_')))
        {
            throw new LabException($"Redis resource name '{name}' may hold only letters, digits, '-' and '_' (it names a folder and a log file).");
        }
        _binary = FindBinary(Candidates());
        _settings = RedisSettings.Merge(settings);
        _folder = Path.Combine(Root(paths), name);
        LogPath = Path.Combine(paths.Logs, $"redis-{name}.log");
    }

    public override string Kind => "redis";
    public override IReadOnlyList<Endpoint> Endpoints => Port == 0 ? [] : [new Endpoint("tcp", "redis", "127.0.0.1", Port)];
    public override string LogPath { get; }
    public override int? ProcessId => _process is { IsRunning: true } process ? process.Pid : null;
    public override TimeSpan StartupTimeout => TimeSpan.FromSeconds(20);

    /// <summary>The loopback port of the current (or last) start; 0 before the first start.</summary>
    public int Port { get; private set; }

    /// <summary>The generated password, kept (mode 600) in <see cref="PasswordFile"/> and reused across starts.</summary>
    public string Password => _password ??= ReadPassword(PasswordFile) ?? "";

    /// <summary>A StackExchange.Redis configuration string for the app (letters and digits only in the password, so nothing needs escaping).</summary>
    public string ConnectionString => $"127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)},password={Password},abortConnect=false";

    /// <summary>The server's folder: config, password, pid file, and the data files of one start.</summary>
    public string Folder => _folder;
    public string PasswordFile => Path.Combine(_folder, "password");
    public string ConfigFile => Path.Combine(_folder, ConfigFileName);
    public IReadOnlyDictionary<string, string> Settings => _settings;
    private string PidFile => Path.Combine(_folder, PidFileName);
    private string LockFile => Path.Combine(_folder, "server.lock");

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_folder);
        using var serverLock = await FileLock.AcquireAsync(LockFile, cancellationToken);
        if (_process is not null)
        {
            await StopProcessAsync(_process);
        }
        await ReplaceLeftoverAsync();
        // Data files of an earlier start (an append-only file, a dump from a SHUTDOWN SAVE) would warm the cache.
        File.Delete(Path.Combine(_folder, "dump.rdb"));
        var appendOnly = new DirectoryInfo(Path.Combine(_folder, "appendonlydir"));
        if (appendOnly.Exists)
        {
            appendOnly.Delete(recursive: true);
        }
        _password = EnsurePassword(PasswordFile);
        Port = FreePort.Find();
        WriteOwnerOnly(ConfigFile, RedisSettings.ToConfigFile(Port, _password, _folder, _settings));
        _process = BackgroundProcess.Start(_binary, [ConfigFile], LogPath, workingDirectory: _folder);
        WritePidFile(_process.Pid, Environment.ProcessId);
    }

    /// <summary>
    /// Points this handle at the server of this name that another part of the lab started (the
    /// dashboard reads a running check's Redis): its port from the pid file, while that process runs.
    /// False when no such server runs.
    /// </summary>
    public bool AttachToRunning()
    {
        if (ReadPidFile(PidFile) is not { } running || !IsLabRedis(running.Pid, running.Port, ConfigFile))
        {
            return false;
        }
        Port = running.Port;
        return true;
    }

    /// <summary>Records that <paramref name="pid"/> (`sdlab start`'s app, which outlives the CLI) uses the server, so no other lab command takes it over while that process runs.</summary>
    public void LeaseFor(int pid)
    {
        if (_process is { IsRunning: true } process)
        {
            WritePidFile(process.Pid, pid);
        }
    }

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        _process is { IsRunning: true } && await PingAsync(Port, Password, cancellationToken);

    public override void ThrowIfFailed()
    {
        if (_process is { IsRunning: false } process)
        {
            var code = process.ExitCode is { } exit ? $" (exit code {exit})" : "";
            throw new LabException($"Redis '{Name}' exited while starting{code}. Last lines of its log ({LogPath}):\n{process.Tail(25)}");
        }
    }

    /// <summary>Stops the server's whole process group and waits until it has gone; the data of this start goes with it.</summary>
    public override async Task StopAsync()
    {
        if (_process is not { } process)
        {
            return;
        }
        Directory.CreateDirectory(_folder);
        using var serverLock = await FileLock.AcquireAsync(LockFile, CancellationToken.None);
        await StopProcessAsync(process);
        _process = null;
    }

    /// <summary>Stops every lab Redis still running under <c>&lt;StateRoot&gt;/redis/*</c>, whoever started it (`sdlab stop`).</summary>
    public static async Task StopAllAsync(LabPaths paths)
    {
        if (!Directory.Exists(Root(paths)))
        {
            return;
        }
        foreach (var folder in Directory.EnumerateDirectories(Root(paths)))
        {
            var pidFile = Path.Combine(folder, PidFileName);
            if (ReadPidFile(pidFile) is { } running && IsLabRedis(running.Pid, running.Port, Path.Combine(folder, ConfigFileName)))
            {
                await BackgroundProcess.StopGroupAsync(running.Pid, StopGrace);
            }
            File.Delete(pidFile);
        }
    }

    /// <summary>The redis-server to run: Debian's, else the first on PATH. Links are kept: Debian's redis-server is a link that the binary reads its role from.</summary>
    internal static string FindBinary(IEnumerable<string> candidates) =>
        candidates.FirstOrDefault(File.Exists) ?? throw new PrerequisiteMissingException("The Redis server (redis-server)", InstallHint);

    private static IEnumerable<string> Candidates() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, "redis-server"))
            .Prepend("/usr/bin/redis-server");

    private static string Root(LabPaths paths) => Path.Combine(paths.StateRoot, "redis");

    private async Task StopProcessAsync(BackgroundProcess process)
    {
        await process.StopAsync(StopGrace);
        if (ReadPidFile(PidFile) is { } recorded && recorded.Pid == process.Pid)
        {
            File.Delete(PidFile);
        }
    }

    /// <summary>
    /// A server of this name still running from an earlier lab command is stopped when that command
    /// has gone (it crashed, or was killed), and refused while it runs: a fresh start would pull the
    /// cache from under it.
    /// </summary>
    private async Task ReplaceLeftoverAsync()
    {
        if (ReadPidFile(PidFile) is not { } running || !IsLabRedis(running.Pid, running.Port, ConfigFile))
        {
            return;
        }
        if (running.Owner == Environment.ProcessId)
        {
            throw new LabException($"Redis '{Name}' is already running for this lab process (pid {running.Pid}); " +
                "stop that server first, or give this one another name.");
        }
        if (BackgroundProcess.IsAlive(running.Owner))
        {
            throw new LabException($"Redis '{Name}' is in use by another lab command (pid {running.Owner}); " +
                "wait for it to finish or run `sdlab stop`.");
        }
        await BackgroundProcess.StopGroupAsync(running.Pid, StopGrace);
    }

    private void WritePidFile(int pid, int owner)
    {
        var temp = Path.Combine(_folder, $"{PidFileName}.{Environment.ProcessId}.tmp");
        File.WriteAllText(temp, string.Create(CultureInfo.InvariantCulture, $"{pid}\n{Port}\n{owner}\n"));
        File.Move(temp, PidFile, overwrite: true);
    }

    private sealed record RunningServer(int Pid, int Port, int Owner);

    private static RunningServer? ReadPidFile(string path)
    {
        try
        {
            var lines = File.ReadAllLines(path);
            return lines.Length >= 3 && int.TryParse(lines[0], CultureInfo.InvariantCulture, out var pid) &&
                int.TryParse(lines[1], CultureInfo.InvariantCulture, out var port) && int.TryParse(lines[2], CultureInfo.InvariantCulture, out var owner)
                ? new RunningServer(pid, port, owner)
                : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Pids are reused: the recorded one counts only while it runs redis-server on the recorded port
    /// (Redis shows "redis-server 127.0.0.1:PORT" once it runs) or with this folder's config (before
    /// that, and in the sh and setsid it starts through).
    /// </summary>
    private static bool IsLabRedis(int pid, int port, string configFile)
    {
        if (!BackgroundProcess.IsAlive(pid))
        {
            return false;
        }
        try
        {
            var arguments = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0');
            var address = ":" + port.ToString(CultureInfo.InvariantCulture);
            // Redis's own title is one argument: "/usr/bin/redis-server 127.0.0.1:PORT".
            return arguments.Any(a => Path.GetFileName(a.Split(' ')[0]) == "redis-server") &&
                arguments.Any(a => a == configFile || a.EndsWith(address, StringComparison.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>AUTH then PING over a plain socket: cheap enough to poll, and no client library's reconnect loop is left behind.</summary>
    private static async Task<bool> PingAsync(int port, string password, CancellationToken cancellationToken)
    {
        if (port == 0)
        {
            return false;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            var stream = client.GetStream();
            var request = $"*2\r\n$4\r\nAUTH\r\n${Encoding.UTF8.GetByteCount(password)}\r\n{password}\r\n*1\r\n$4\r\nPING\r\n";
            await stream.WriteAsync(Encoding.UTF8.GetBytes(request), timeout.Token);
            var reply = new StringBuilder();
            var buffer = new byte[256];
            while (reply.ToString().Split("\r\n").Length < 3)
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    break;
                }
                reply.Append(Encoding.UTF8.GetString(buffer, 0, read));
            }
            return reply.ToString() == "+OK\r\n+PONG\r\n";
        }
        catch (Exception e) when (e is SocketException or IOException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    // Letters and digits only: nothing that needs escaping in redis.conf or a configuration string.
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private static string? ReadPassword(string path)
    {
        try
        {
            var password = File.ReadAllText(path).Trim();
            return password.Length > 0 && password.All(Alphabet.Contains) ? password : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string EnsurePassword(string path)
    {
        if (ReadPassword(path) is { } existing)
        {
            return existing;
        }
        WriteOwnerOnly(path, RandomNumberGenerator.GetString(Alphabet, 32) + "\n");
        return ReadPassword(path) ?? throw new LabException($"Could not read the lab's Redis password from {path}.");
    }

    /// <summary>Written to a file that is 600 from its creation, then renamed into place: the password is never readable by others, not even briefly.</summary>
    private static void WriteOwnerOnly(string path, string text)
    {
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        // The mode applies only to a file this call creates, so an old temp file must not be reused.
        File.Delete(temp);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }
        File.Move(temp, path, overwrite: true);
    }
}
