using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Projects;

/// <summary>
/// A built ASP.NET Core app run with `dotnet app.dll` on a free loopback port, environment injected
/// (connection strings), ready when its health endpoint answers 200.
/// </summary>
public sealed class DotnetAppResource(string name, string assemblyPath, string logPath) : LabResource(name)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(2) };
    private readonly Dictionary<string, Func<string>> _environment = [];
    private BackgroundProcess? _process;
    private int _port;
    private bool _keepPort;

    public override string Kind => "app";
    public override IReadOnlyList<Endpoint> Endpoints => _port == 0 ? [] : [new Endpoint("http", "http", "127.0.0.1", _port)];
    public override string? LogPath => logPath;
    public override int? ProcessId => _process?.Pid;
    public override TimeSpan StartupTimeout => TimeSpan.FromSeconds(45);
    public string HealthPath { get; init; } = "/health";

    /// <summary>Set to tie the app's life to this process: the app exits when the lab does, even on a kill.</summary>
    public bool ExitWithLab { get; init; }

    /// <summary>
    /// Set to run the app as if on its own host: from its own copy of the build output in
    /// <c>HostFolder/app</c> (its working directory and content root) with <c>TMPDIR</c> in
    /// <c>HostFolder/tmp</c>, both fresh on every start. Instances of one app then share only what
    /// separate machines would share, so a file in the temp folder cannot pass for shared state.
    /// </summary>
    public string? HostFolder { get; init; }

    public Uri BaseUrl => Endpoints.Count > 0 ? Endpoints[0].Url : throw new InvalidOperationException($"'{Name}' has not started.");

    /// <summary>Values are computed at start, after dependencies have their ports.</summary>
    public DotnetAppResource WithEnvironment(string key, Func<string> value)
    {
        _environment[key] = value;
        return this;
    }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_keepPort || _port == 0)
        {
            _port = FreePort.Find();
        }
        else if (FreePort.IsInUse(_port))
        {
            throw new LabException($"The app '{Name}' cannot come back on port {_port}: another process listens there now.");
        }
        var environment = _environment.ToDictionary(e => e.Key, e => e.Value());
        environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{_port}";
        environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        // A guard rail, not part of any lesson: an overloaded naive app under server GC grows to
        // 4-5 GB before collecting, more than a learner's laptop or codespace should pay. 2 GiB (hex).
        environment.TryAdd("DOTNET_GCHeapHardLimit", "0x80000000");
        if (ExitWithLab)
        {
            environment["SDLAB_PARENT_PID"] = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var assembly = assemblyPath;
        if (HostFolder is not null)
        {
            assembly = PrepareHost(HostFolder, assemblyPath);
            environment["TMPDIR"] = Path.Combine(HostFolder, "tmp");
        }
        _process = BackgroundProcess.Start("dotnet", [assembly], logPath, environment, Path.GetDirectoryName(assembly));
        return Task.CompletedTask;
    }

    /// <summary>Fresh host folders; returns the assembly's path in the copy.</summary>
    private static string PrepareHost(string folder, string assemblyPath)
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
        var source = Path.GetDirectoryName(Path.GetFullPath(assemblyPath))!;
        var target = Path.Combine(folder, "app");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
        Directory.CreateDirectory(Path.Combine(folder, "tmp"));
        return Path.Combine(target, Path.GetFileName(assemblyPath));
    }

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        if (_port == 0)
        {
            return false;
        }
        try
        {
            using var response = await Http.GetAsync(new Uri(BaseUrl, HealthPath), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>The process has ended (crashed, exited, or been stopped); false before it started.</summary>
    public bool HasExited => _process is { IsRunning: false };

    /// <summary>The process's exit code once it has ended, else null.</summary>
    public int? ExitCode => _process?.ExitCode;

    /// <summary>The last lines of the app's log, for a report of why it stopped.</summary>
    public string LastLogLines(int lines) => LogTail.Read(logPath, lines);

    public override void ThrowIfFailed()
    {
        if (_process is { IsRunning: false })
        {
            var code = _process.ExitCode is { } exit ? $" (exit code {exit})" : "";
            throw new LabException($"The app '{Name}' crashed while starting{code}. Last lines of its log ({logPath}):\n{_process.Tail(25)}");
        }
    }

    public override string NotHealthyHint()
    {
        var tail = LastLogLines(10);
        if (tail.Trim().Length > 0)
        {
            return $" Last lines of its log ({logPath}):\n{tail}";
        }
        // ASP.NET Core logs "Now listening on" as soon as app.Run() starts Kestrel: a silent app never got there.
        return $" It logged nothing at all ({logPath} is empty), so it never reached `app.Run()`, where ASP.NET Core " +
            "starts listening and says so. Usually something before `app.Run()` blocks: a long loop, a blocking call at " +
            "startup (`.Result`, `.Wait()`, `Thread.Sleep`), or waiting for something that never comes (a lock, a " +
            "service that is not running, console input). Move slow startup work after the app starts listening, or make it finish.";
    }

    /// <summary>
    /// A fault's restart comes back on the same port: a load balancer in front keeps its list of
    /// destinations. The host folder is fresh, as on every start (a replaced instance, not a resumed one).
    /// </summary>
    public override async Task RestartAsync(CancellationToken cancellationToken)
    {
        _keepPort = true;
        try
        {
            await base.RestartAsync(cancellationToken);
        }
        finally
        {
            _keepPort = false;
        }
    }

    public override async Task StopAsync()
    {
        if (_process is not null)
        {
            await _process.StopAsync(TimeSpan.FromSeconds(10));
        }
    }
}
