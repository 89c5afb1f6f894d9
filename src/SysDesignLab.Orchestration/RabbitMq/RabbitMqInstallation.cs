using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.RabbitMq;

/// <summary>
/// The installed RabbitMQ server: its start script, Erlang's epmd, and the plugins folder (which must
/// hold the management plugin: queue figures and resets go through its HTTP API).
/// </summary>
/// <remarks>
/// The lab runs <see cref="ServerScript"/> from RabbitMQ's own folder, never Debian's /usr/sbin wrappers:
/// those switch to the rabbitmq user when run as root, refuse anybody else, and use /var/lib/rabbitmq.
/// </remarks>
public sealed record RabbitMqInstallation(string ServerScript, string Epmd, string PluginsDirectory)
{
    public const string InstallHint = "sudo apt-get install -y rabbitmq-server";

    /// <summary>The script's real path, which names the version (…/rabbitmq_server-3.10.8/sbin/rabbitmq-server).</summary>
    public string ResolvedServerScript => ResolveLink(ServerScript);

    public static RabbitMqInstallation? TryFind()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("SDLAB_RABBITMQ_BIN") is { Length: > 0 } explicitDir)
        {
            candidates.Add(explicitDir);
        }
        // Debian and Ubuntu keep the real scripts here; /usr/sbin holds only the wrappers.
        candidates.Add("/usr/lib/rabbitmq/bin");
        if (ProcessRunner.FindOnPath("rabbitmq-server") is { } onPath)
        {
            // Homebrew and generic installs link the real script onto PATH.
            candidates.Add(Path.GetDirectoryName(ResolveLink(onPath))!);
        }
        var epmd = FindEpmd();
        foreach (var dir in candidates)
        {
            var script = Path.Combine(dir, "rabbitmq-server");
            if (!File.Exists(script) || !File.Exists(Path.Combine(dir, "rabbitmq-env")))
            {
                continue;
            }
            var plugins = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(ResolveLink(script))!)!, "plugins");
            if (epmd is not null && Directory.Exists(plugins))
            {
                return new RabbitMqInstallation(script, epmd, plugins);
            }
        }
        return null;
    }

    public static RabbitMqInstallation Find()
    {
        var installation = TryFind() ?? throw new PrerequisiteMissingException("The RabbitMQ server (rabbitmq-server, with Erlang's epmd)", InstallHint);
        if (!Directory.EnumerateDirectories(installation.PluginsDirectory, "rabbitmq_management-*").Any())
        {
            throw new PrerequisiteMissingException($"RabbitMQ's management plugin (rabbitmq_management in {installation.PluginsDirectory})", InstallHint);
        }
        return installation;
    }

    private static string? FindEpmd()
    {
        if (ProcessRunner.FindOnPath("epmd") is { } onPath)
        {
            return onPath;
        }
        // Some Erlang packages keep epmd only beside the emulator.
        return Directory.Exists("/usr/lib/erlang")
            ? Directory.EnumerateFiles("/usr/lib/erlang", "epmd", SearchOption.AllDirectories).Order(StringComparer.Ordinal).LastOrDefault()
            : null;
    }

    private static string ResolveLink(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Path.GetFullPath(path);
}
