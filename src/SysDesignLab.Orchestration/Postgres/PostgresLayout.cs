using System.Security.Cryptography;
using System.Text;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// The server's folder, and running its commands as the right user. As root, everything runs as
/// the postgres user, whose folder must be reachable by that user: when the lab's state folder is
/// not (a repository under /root, say), the data lives under /var/tmp instead.
/// </summary>
internal sealed class PostgresLayout
{
    private readonly string _preferredRoot;
    private readonly string _fallbackRoot;
    private string? _root;

    public PostgresLayout(string preferredRoot)
    {
        _preferredRoot = preferredRoot;
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(preferredRoot)))[..10];
        _fallbackRoot = Path.Combine("/var/tmp", $"sdlab-{hash}", "postgres");
        // Before PrepareAsync runs, point at wherever a server may already live.
        _root = Directory.Exists(Path.Combine(_fallbackRoot, "data")) && !Directory.Exists(Path.Combine(preferredRoot, "data"))
            ? _fallbackRoot
            : preferredRoot;
    }

    public string Root => _root ?? _preferredRoot;
    public string DataDirectory => Path.Combine(Root, "data");
    public string LogFile => Path.Combine(Root, "postgres.log");
    private string SettingsFile => Path.Combine(Root, "settings.stamp");

    /// <summary>The lab user's password, in pgpass format (mode 600): beside the data it belongs to.</summary>
    public string PasswordFile => Path.Combine(Root, "pgpass");
    public string HbaFile => Path.Combine(DataDirectory, "pg_hba.conf");
    public string LeasesFolder => Path.Combine(Root, "leases");

    /// <summary>Held while a lab process starts, adopts or stops the server, so those decisions never interleave.</summary>
    public string LockFile => Path.Combine(Root, "server.lock");

    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (!ProcessRunner.IsRoot)
        {
            Directory.CreateDirectory(Root);
            return;
        }
        foreach (var candidate in new[] { _preferredRoot, _fallbackRoot })
        {
            Directory.CreateDirectory(candidate);
            await ProcessRunner.RunAsync("chown", ["-R", "postgres:postgres", candidate], cancellationToken: cancellationToken);
            var probe = await ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", "test", "-w", candidate], cancellationToken: cancellationToken);
            if (probe.Succeeded)
            {
                _root = candidate;
                return;
            }
        }
        throw new LabException($"The postgres user cannot write to {_preferredRoot} nor {_fallbackRoot}. Set SDLAB_STATE_DIR to a folder it can reach.");
    }

    public Task<ProcessResult> RunAsPostgresAsync(IReadOnlyList<string> command, CancellationToken cancellationToken) =>
        ProcessRunner.IsRoot
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", .. command], workingDirectory: "/", cancellationToken: cancellationToken)
            : ProcessRunner.RunAsync(command[0], command.Skip(1), workingDirectory: Root, cancellationToken: cancellationToken);

    public async Task<string?> ReadSettingsStampAsync() =>
        File.Exists(SettingsFile) ? await File.ReadAllTextAsync(SettingsFile) : null;

    public Task WriteSettingsStampAsync(string stamp) => File.WriteAllTextAsync(SettingsFile, stamp);
}
