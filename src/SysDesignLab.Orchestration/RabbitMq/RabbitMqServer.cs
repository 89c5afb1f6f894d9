using System.Net;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.RabbitMq;

/// <summary>
/// A real RabbitMQ node run from the installed server, one per name and state folder, with all its
/// files under &lt;StateRoot&gt;/rabbitmq/&lt;name&gt;/: AMQP, the management API, Erlang distribution
/// and its own epmd on loopback ports of their own, an Erlang cookie of its own, and one user (the
/// lab's, with a generated password; there is no guest). RabbitMQ starts slowly, so a running lab
/// node with the same settings is adopted rather than restarted, and stopped only by the object that
/// started it once no other lab command holds a lease (see <see cref="SharedServerUse"/>).
/// </summary>
public sealed class RabbitMqServer : LabResource
{
    public const string LabUser = "sdlab";

    /// <summary>How often the node refreshes queue figures: wait this long (twice, to be sure) after a run before reading them.</summary>
    public static readonly TimeSpan StatisticsInterval = TimeSpan.FromMilliseconds(500);

    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(30);
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly RabbitMqLayout _layout;
    private RabbitMqInstallation? _installation;
    private RabbitMqNodeState? _node;
    private string? _password;

    public RabbitMqServer(string name, LabPaths paths, IReadOnlyDictionary<string, string>? settings = null, RabbitMqInstallation? installation = null)
        : base(name)
    {
        // The name is a folder under the state root: nothing that could climb out of it.
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw new ArgumentException($"A RabbitMQ node's name takes letters, digits, '-' and '_' only, not '{name}'.", nameof(name));
        }
        _settings = settings ?? new Dictionary<string, string>();
        if (RabbitMqSettings.Validate(_settings) is { Count: > 0 } errors)
        {
            throw new LabException(string.Join(" ", errors));
        }
        _installation = installation;
        _layout = new RabbitMqLayout(Path.Combine(paths.StateRoot, "rabbitmq", name));
    }

    public override string Kind => "rabbitmq";

    public override IReadOnlyList<Endpoint> Endpoints => _node is null ? [] :
        [new Endpoint("amqp", "amqp", "127.0.0.1", AmqpPort), new Endpoint("management", "http", "127.0.0.1", ManagementPort)];

    /// <summary>The node's log: its start script's and RabbitMQ's own output.</summary>
    public override string? LogPath => _layout.LogFile;

    /// <summary>The Erlang VM (beam.smp) doing the work, once it runs; else the node's launcher.</summary>
    public override int? ProcessId => _layout.ReadState() is { } state && RabbitMqNodeProcess.IsAlive(state)
        ? _layout.ReadBeamPid() is { } beam && BackgroundProcess.IsAlive(beam) ? beam : state.LeaderPid
        : null;

    /// <summary>
    /// A start costs about 10 s of CPU, mostly loading Erlang code, with or without existing data: 7-12 s
    /// on a lightly loaded two-core machine, 20-50 s on one busy with other work (measured); a slow
    /// laptop gets room to spare.
    /// </summary>
    public override TimeSpan StartupTimeout => TimeSpan.FromSeconds(120);

    public int AmqpPort => _node?.AmqpPort ?? 0;
    public int ManagementPort => _node?.ManagementPort ?? 0;
    public string User => LabUser;
    public string Password => (_password ??= _layout.ReadPassword()) ?? "";
    public string NodeName => _layout.NodeName;

    /// <summary>The node's folder (mnesia data, config, cookie, password).</summary>
    public string Folder => _layout.Root;

    /// <summary>The default vhost "/", as the lab user.</summary>
    public string ConnectionString => ConnectionStringFor("/");

    /// <summary>One virtual host, as the lab user: what a run's app is given (its own vhost; see <see cref="ResetAsync"/>).</summary>
    public string ConnectionStringFor(string vhost) => $"amqp://{User}:{Password}@127.0.0.1:{AmqpPort}/{Uri.EscapeDataString(vhost)}";

    public Uri ManagementUrl => new($"http://127.0.0.1:{ManagementPort}/");

    /// <summary>True when this object started the node (rather than adopting a running one).</summary>
    public bool StartedHere { get; private set; }

    public bool IsRunning => _layout.ReadState() is { } state && RabbitMqNodeProcess.IsAlive(state);

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>Starts the node, or adopts a running one with the same settings; returns once it answers AMQP and HTTP.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(_layout.Root);
        await Use.StartAsync(() => StartLockedAsync(cancellationToken), cancellationToken);
    }

    private async Task StartLockedAsync(CancellationToken cancellationToken)
    {
        if (_layout.ReadState() is { } running && RabbitMqNodeProcess.IsAlive(running))
        {
            var sameSettings = running.Stamp == Stamp();
            if (sameSettings && await AnswersAsync(running, cancellationToken))
            {
                _node = running;
                return;
            }
            if (LeaseHolders() is { Count: > 0 } holders)
            {
                throw Use.InUse(holders, sameSettings ? "but does not answer" : "with other settings");
            }
        }
        await StopServerAsync();
        _installation ??= RabbitMqInstallation.Find();
        _password = _layout.EnsurePassword();
        _layout.EnsureCookie();
        var ports = RabbitMqNodeProcess.FreePorts(4);
        var node = new RabbitMqNodeState(0, "", ports[0], ports[1], ports[2], ports[3], Stamp());
        _layout.WriteConfig(node, User, _password, RabbitMqSettings.ToConfigLines(_settings));
        var process = RabbitMqNodeProcess.Start(_installation, _layout, node);
        _node = node with { LeaderPid = process.Pid, LeaderStartTime = RabbitMqNodeProcess.StartTime(process.Pid) ?? "" };
        _layout.WriteState(_node);
        StartedHere = true;
        try
        {
            await WaitReadyAsync(cancellationToken);
        }
        catch
        {
            // Half-started is worse than not started: the next command would find a node that does not answer.
            await StopServerAsync();
            StartedHere = false;
            throw;
        }
    }

    private async Task WaitReadyAsync(CancellationToken cancellationToken)
    {
        var started = Time.GetTimestamp();
        while (!await AnswersAsync(_node!, cancellationToken))
        {
            ThrowIfFailed();
            if (Time.GetElapsedTime(started) > StartupTimeout)
            {
                throw new LabException($"RabbitMQ node '{Name}' did not answer within {StartupTimeout.TotalSeconds:0} s. " +
                    $"Last lines of {_layout.LogFile}:\n{LogTail.Read(_layout.LogFile)}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), Time, cancellationToken);
        }
    }

    /// <summary>The pids of the other lab processes using the node now (its live leases but this object's own).</summary>
    public IReadOnlyList<int> LeaseHolders() => Use.OtherHolders();

    /// <summary>Records that <paramref name="pid"/> (`sdlab start`'s app, which outlives the CLI) uses the node while it runs.</summary>
    public void LeaseFor(int pid) => Use.TakeFor(pid);

    private SharedServerUse Use => _use ??= new(_layout.LockFile, _layout.LeasesFolder, $"RabbitMQ node '{Name}'");

    private SharedServerUse? _use;

    public override async Task<bool> IsHealthyAsync(CancellationToken cancellationToken) =>
        _node is not null && await AnswersAsync(_node, cancellationToken);

    public override void ThrowIfFailed()
    {
        if (StartedHere && !IsRunning)
        {
            throw new LabException($"RabbitMQ node '{Name}' exited while starting. Last lines of {_layout.LogFile}:\n{LogTail.Read(_layout.LogFile)}");
        }
    }

    /// <summary>
    /// Gives this object's lease back, and stops the node if this object started it and no other lab
    /// command holds a lease: an adopted node, or one still in use, belongs to someone else.
    /// </summary>
    public override Task StopAsync() => Use.StopAsync(StartedHere, StopServerAsync);

    /// <summary>Stops the node if it runs, whoever started it, with its epmd and every process it left.</summary>
    public Task StopServerAsync() => StopNodeAsync(_layout);

    /// <summary>Stops every lab node under &lt;StateRoot&gt;/rabbitmq/ (`sdlab stop`), whoever started it.</summary>
    public static async Task StopAllAsync(LabPaths paths)
    {
        var root = Path.Combine(paths.StateRoot, "rabbitmq");
        if (!Directory.Exists(root))
        {
            return;
        }
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            await StopNodeAsync(new RabbitMqLayout(folder));
        }
    }

    private static async Task StopNodeAsync(RabbitMqLayout layout)
    {
        if (layout.ReadState() is not { } state)
        {
            return;
        }
        await RabbitMqNodeProcess.StopAsync(state, layout.NodeName, StopGrace);
        layout.DeleteState();
    }

    /// <summary>
    /// An empty virtual host for a run: deletes <paramref name="vhost"/> and creates it again, with the
    /// lab user's permissions. That takes every queue, exchange, binding, message and policy with it in a
    /// few hundred milliseconds, whatever the app declared, and closes any connection left on it. Each
    /// run has its own vhost, so emptying a check's never touches what `sdlab start`'s run holds.
    /// </summary>
    public async Task ResetAsync(string vhost = "/", CancellationToken cancellationToken = default)
    {
        using var api = Management();
        var path = Uri.EscapeDataString(vhost);
        (await api.SendAsync(HttpMethod.Delete, $"vhosts/{path}", null, cancellationToken, HttpStatusCode.NotFound)).Dispose();
        (await api.SendAsync(HttpMethod.Put, $"vhosts/{path}", """{"description":"SysDesign Lab"}""", cancellationToken)).Dispose();
        (await api.SendAsync(HttpMethod.Put, $"permissions/{path}/{User}", """{"configure":".*","write":".*","read":".*"}""", cancellationToken)).Dispose();
    }

    /// <summary>Deletes a run's virtual host and all it holds, once the run is over; a node that is gone has none to delete.</summary>
    public async Task DeleteVhostAsync(string vhost, CancellationToken cancellationToken = default)
    {
        if (_node is null || !IsRunning)
        {
            return;
        }
        using var api = Management();
        (await api.SendAsync(HttpMethod.Delete, $"vhosts/{Uri.EscapeDataString(vhost)}", null, cancellationToken, HttpStatusCode.NotFound)).Dispose();
    }

    internal RabbitMqManagement Management() => _node is null
        ? throw new InvalidOperationException($"RabbitMQ node '{Name}' is not started.")
        : new RabbitMqManagement(ManagementPort, User, Password);

    /// <summary>The node answers the lab user on AMQP and on the management API.</summary>
    private async Task<bool> AnswersAsync(RabbitMqNodeState node, CancellationToken cancellationToken)
    {
        var factory = new ConnectionFactory
        {
            HostName = "127.0.0.1",
            Port = node.AmqpPort,
            UserName = User,
            Password = Password,
            AutomaticRecoveryEnabled = false,
            RequestedConnectionTimeout = TimeSpan.FromSeconds(3),
            ClientProvidedName = "sdlab-probe",
        };
        try
        {
            await using var connection = await factory.CreateConnectionAsync(cancellationToken);
            await connection.CloseAsync(cancellationToken);
        }
        catch (Exception e) when (e is IOException or RabbitMQClientException or System.Net.Sockets.SocketException or TimeoutException ||
                                  (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
        using var api = new RabbitMqManagement(node.ManagementPort, User, Password);
        return await api.AnswersAsync(cancellationToken);
    }

    /// <summary>What a running node must match to be adopted: the installed server and the settings.</summary>
    private string Stamp() =>
        $"{(_installation ?? RabbitMqInstallation.TryFind())?.ResolvedServerScript}|{string.Join(';', RabbitMqSettings.ToConfigLines(_settings))}";
}
