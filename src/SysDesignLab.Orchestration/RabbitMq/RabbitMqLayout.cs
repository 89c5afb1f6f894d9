using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace SysDesignLab.Orchestration.RabbitMq;

/// <summary>What a running node's ports and processes are, kept in node.json for the lab commands that adopt or stop it.</summary>
internal sealed record RabbitMqNodeState(
    int LeaderPid, string LeaderStartTime, int AmqpPort, int ManagementPort, int EpmdPort, int DistPort, string Stamp);

/// <summary>
/// One lab node's folder, &lt;StateRoot&gt;/rabbitmq/&lt;name&gt;/, holding everything the node reads
/// and writes, so nothing of the system's RabbitMQ (/etc/rabbitmq, /var/lib/rabbitmq, its cookie) is
/// used, and the lab runs the same as root or as a learner.
/// </summary>
internal sealed class RabbitMqLayout(string root)
{
    // Letters and digits only: nothing that needs escaping in rabbitmq.conf or an amqp:// URI.
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public string Root { get; } = root;

    /// <summary>The Erlang node name: unique per node folder, so two lab checkouts never share mnesia data or a name.</summary>
    public string NodeName { get; } =
        $"sdlab-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(root)))[..10]}@localhost";

    /// <summary>HOME of the node and of any rabbitmqctl run against it: the Erlang cookie lives here.</summary>
    public string Home => Path.Combine(Root, "home");
    public string CookieFile => Path.Combine(Home, ".erlang.cookie");
    public string MnesiaBase => Path.Combine(Root, "mnesia");
    public string LogBase => Path.Combine(Root, "log");
    public string LogFile => Path.Combine(Root, "rabbitmq.log");
    public string ConfigFile => Path.Combine(Root, "rabbitmq.conf");
    public string EnabledPluginsFile => Path.Combine(Root, "enabled_plugins");
    public string PasswordFile => Path.Combine(Root, "password");
    public string PidFile => Path.Combine(Root, "beam.pid");
    public string StateFilePath => Path.Combine(Root, "node.json");
    public string LeasesFolder => Path.Combine(Root, "leases");

    /// <summary>Held while a lab process starts, adopts or stops the node, so those decisions never interleave.</summary>
    public string LockFile => Path.Combine(Root, "node.lock");

    public RabbitMqNodeState? ReadState() => StateFile.Read<RabbitMqNodeState>(StateFilePath, Json);

    public void WriteState(RabbitMqNodeState state) => StateFile.Write(StateFilePath, state, Json);

    public void DeleteState() => File.Delete(StateFilePath);

    /// <summary>The Erlang VM's pid, which RabbitMQ writes once it runs (and deletes when it stops cleanly).</summary>
    public int? ReadBeamPid()
    {
        try
        {
            return int.TryParse(File.ReadAllText(PidFile).Trim(), out var pid) ? pid : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The lab user's password, or null when none was generated yet.</summary>
    public string? ReadPassword()
    {
        try
        {
            return File.ReadLines(PasswordFile).Select(l => l.Trim()).FirstOrDefault(l => l.Length > 0 && !l.StartsWith('#'));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The password, generated when there is none. The node sets its user up only on a first start
    /// (an empty mnesia folder), so a new password means starting from empty data: lab queues are
    /// throwaway, declared anew on every run.
    /// </summary>
    public string EnsurePassword()
    {
        if (ReadPassword() is { } existing)
        {
            return existing;
        }
        if (Directory.Exists(MnesiaBase))
        {
            Directory.Delete(MnesiaBase, recursive: true);
        }
        WriteOwnerOnly(PasswordFile, $"# Written by SysDesign Lab: the password of the lab's RabbitMQ user.\n{RandomNumberGenerator.GetString(Alphabet, 32)}\n");
        return ReadPassword() ?? throw new LabException($"Could not read the lab's RabbitMQ password from {PasswordFile}.");
    }

    /// <summary>The node's own Erlang cookie (Erlang refuses one others can read), so no other node or user's CLI gets in.</summary>
    public void EnsureCookie()
    {
        Directory.CreateDirectory(Home);
        if (!File.Exists(CookieFile))
        {
            WriteOwnerOnly(CookieFile, RandomNumberGenerator.GetString("ABCDEFGHIJKLMNOPQRSTUVWXYZ", 32));
        }
    }

    /// <summary>rabbitmq.conf (600: it holds the first start's password) and the enabled-plugins file.</summary>
    public void WriteConfig(RabbitMqNodeState ports, string user, string password, IReadOnlyList<string> settingLines)
    {
        var lines = new List<string>
        {
            "# Written by SysDesign Lab on every start of this node; edits are lost.",
            $"listeners.tcp.local = 127.0.0.1:{ports.AmqpPort}",
            "management.tcp.ip = 127.0.0.1",
            $"management.tcp.port = {ports.ManagementPort}",
            // Used on the first start only, instead of guest, which therefore never exists.
            $"default_user = {user}",
            $"default_pass = {password}",
            "default_vhost = /",
            "default_user_tags.administrator = true",
            // Queue figures are read at the end of a short run: the default 5 s would leave them stale.
            $"collect_statistics_interval = {(int)RabbitMqServer.StatisticsInterval.TotalMilliseconds}",
        };
        lines.AddRange(settingLines);
        Directory.CreateDirectory(Root);
        WriteOwnerOnly(ConfigFile, string.Join('\n', lines) + "\n");
        File.WriteAllText(EnabledPluginsFile, "[rabbitmq_management].\n");
    }

    /// <summary>Written 600 from the start (then renamed into place), so the secret is never readable by others.</summary>
    private static void WriteOwnerOnly(string path, string content)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temp = $"{path}.{Environment.ProcessId}.tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        using (var stream = new FileStream(temp, options))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(content);
        }
        File.Move(temp, path, overwrite: true);
    }
}
