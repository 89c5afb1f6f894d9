using System.Globalization;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.RabbitMq;

/// <summary>
/// Starting and stopping a node's processes. One process group holds them all: a shell that starts
/// the node's own epmd (loopback, its own port, in the foreground so it cannot daemonize away), waits
/// for it, then becomes RabbitMQ's start script, whose child is the Erlang VM (beam.smp). Stopping the
/// group stops epmd with the node. erl_child_setup and inet_gethost put themselves in sessions of
/// their own; they end when the VM does, and stopping waits for them too.
/// </summary>
internal static class RabbitMqNodeProcess
{
    private const string Launcher = """
        "$0" -port "$ERL_EPMD_PORT" -address 127.0.0.1 &
        tries=0
        until "$0" -port "$ERL_EPMD_PORT" -names >/dev/null 2>&1; do
          tries=$((tries + 1))
          if [ "$tries" -gt 200 ]; then echo "sdlab: epmd did not start on 127.0.0.1:$ERL_EPMD_PORT" >&2; exit 1; fi
          sleep 0.05
        done
        exec "$1"
        """;

    public static BackgroundProcess Start(RabbitMqInstallation installation, RabbitMqLayout layout, RabbitMqNodeState ports)
    {
        Directory.CreateDirectory(layout.LogBase);
        File.Delete(layout.PidFile);
        var environment = new Dictionary<string, string>
        {
            ["HOME"] = layout.Home,
            ["RABBITMQ_NODENAME"] = layout.NodeName,
            ["RABBITMQ_USE_LONGNAME"] = "false",
            ["RABBITMQ_MNESIA_BASE"] = layout.MnesiaBase,
            ["RABBITMQ_LOG_BASE"] = layout.LogBase,
            ["RABBITMQ_LOGS"] = "-", // to standard output, which is the lab's log of the node
            ["RABBITMQ_CONFIG_FILE"] = layout.ConfigFile,
            // The system's files stay out: a file of conf.d, advanced.config or rabbitmq-env.conf in
            // /etc/rabbitmq would otherwise change the lab's node.
            ["RABBITMQ_CONFIG_FILES"] = Path.Combine(layout.Root, "conf.d", "*.conf"),
            ["RABBITMQ_ADVANCED_CONFIG_FILE"] = Path.Combine(layout.Root, "advanced.config"),
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(layout.Root, "rabbitmq-env.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = layout.EnabledPluginsFile,
            ["RABBITMQ_PID_FILE"] = layout.PidFile,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = ports.AmqpPort.ToString(CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = ports.DistPort.ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_PORT"] = ports.EpmdPort.ToString(CultureInfo.InvariantCulture),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
            // epmd is the launcher's; distribution listens on loopback only.
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-start_epmd false -kernel inet_dist_use_interface {127,0,0,1}",
            ["ERL_CRASH_DUMP"] = Path.Combine(layout.LogBase, "erl_crash.dump"),
        };
        return BackgroundProcess.Start("/bin/sh", ["-c", Launcher, installation.Epmd, installation.ServerScript],
            layout.LogFile, environment, workingDirectory: layout.Root);
    }

    /// <summary>Distinct loopback ports free right now (AMQP, management, epmd, distribution).</summary>
    public static int[] FreePorts(int count)
    {
        var ports = new List<int>();
        while (ports.Count < count)
        {
            var port = FreePort.Find();
            if (!ports.Contains(port))
            {
                ports.Add(port);
            }
        }
        return [.. ports];
    }

    /// <summary>True while the node's launcher runs: the pid is alive and started when the recorded one did.</summary>
    public static bool IsAlive(RabbitMqNodeState state) =>
        BackgroundProcess.IsAlive(state.LeaderPid) && StartTime(state.LeaderPid) is { } started && started == state.LeaderStartTime;

    /// <summary>When the process started (clock ticks since boot), so a reused pid is not taken for the node.</summary>
    public static string? StartTime(int pid)
    {
        var fields = StatFields(pid);
        return fields is { Length: > 19 } ? fields[19] : null;
    }

    /// <summary>
    /// SIGTERM to the group (RabbitMQ shuts down cleanly on it, about 6 s with the management plugin),
    /// SIGKILL after <paramref name="grace"/>, then waits until every process of the node has gone.
    /// </summary>
    public static async Task StopAsync(RabbitMqNodeState state, string nodeName, TimeSpan grace)
    {
        if (IsAlive(state))
        {
            var members = NodeProcesses(state.LeaderPid, _ => true);
            await BackgroundProcess.StopGroupAsync(state.LeaderPid, grace);
            await EndAsync(members, TimeSpan.FromSeconds(5));
            return;
        }
        // A launcher killed on its own leaves epmd and the VM behind under its group id; the pid itself
        // may be another program's by now, so only processes that carry this node's environment go.
        var marker = $"RABBITMQ_NODENAME={nodeName}\0";
        var orphans = NodeProcesses(state.LeaderPid, pid => EnvironmentOf(pid)?.Contains(marker, StringComparison.Ordinal) == true);
        foreach (var pid in orphans)
        {
            NativeMethods.Kill(pid, NativeMethods.SIGTERM);
        }
        await EndAsync(orphans, grace);
    }

    /// <summary>The group's members that <paramref name="belongs"/> accepts, and all their descendants, whatever session they moved to.</summary>
    public static IReadOnlyList<int> NodeProcesses(int group, Func<int, bool> belongs)
    {
        var processes = AllProcesses();
        var found = new HashSet<int>(processes.Where(p => p.Group == group && belongs(p.Pid)).Select(p => p.Pid));
        var grew = found.Count > 0;
        while (grew)
        {
            grew = false;
            foreach (var process in processes.Where(p => found.Contains(p.Parent) && !found.Contains(p.Pid)))
            {
                grew |= found.Add(process.Pid);
            }
        }
        return found.Order().ToList();
    }

    /// <summary>Waits for <paramref name="pids"/> to end (erl_child_setup and inet_gethost follow the VM within moments), then kills what is left.</summary>
    private static async Task EndAsync(IReadOnlyList<int> pids, TimeSpan grace)
    {
        if (await WaitGoneAsync(pids, grace))
        {
            return;
        }
        foreach (var pid in pids.Where(BackgroundProcess.IsAlive))
        {
            NativeMethods.Kill(pid, NativeMethods.SIGKILL);
        }
        await WaitGoneAsync(pids, TimeSpan.FromSeconds(5));
    }

    private static string? EnvironmentOf(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/environ");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static async Task<bool> WaitGoneAsync(IReadOnlyList<int> pids, TimeSpan timeout)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (pids.Any(BackgroundProcess.IsAlive))
        {
            if (waited.Elapsed > timeout)
            {
                return false;
            }
            await Task.Delay(50);
        }
        return true;
    }

    private static List<(int Pid, int Parent, int Group)> AllProcesses()
    {
        var processes = new List<(int, int, int)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid) &&
                StatFields(pid) is { Length: > 2 } fields && fields[0] is not ("Z" or "X") &&
                int.TryParse(fields[1], out var parent) && int.TryParse(fields[2], out var group))
            {
                processes.Add((pid, parent, group));
            }
        }
        return processes;
    }

    /// <summary>/proc/pid/stat after the command's closing parenthesis: state, parent, group, …</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
