using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// A server's folder, <c>&lt;StateRoot&gt;/postgres/&lt;name&gt;/</c>, and running its commands as the right
/// user. As root, everything runs as the postgres user, whose folder must be reachable by that user:
/// when the lab's state folder is not (a repository under /root, say), the data lives under /var/tmp
/// instead, in a folder of the same name. Older lab versions kept their one server straight in
/// <c>&lt;StateRoot&gt;/postgres/</c> (see <see cref="Legacy"/>).
/// </summary>
internal sealed partial class PostgresLayout
{
    private readonly string _preferredRoot;
    private readonly string _fallbackRoot;
    private string? _root;

    private PostgresLayout(string preferredRoot, string fallbackRoot)
    {
        _preferredRoot = preferredRoot;
        _fallbackRoot = fallbackRoot;
        // Before PrepareAsync runs, point at wherever a server may already live.
        _root = Directory.Exists(Path.Combine(fallbackRoot, "data")) && !Directory.Exists(Path.Combine(preferredRoot, "data"))
            ? fallbackRoot
            : preferredRoot;
    }

    /// <summary>The folder of the server named <paramref name="name"/>.</summary>
    public static PostgresLayout ForServer(LabPaths paths, string name)
    {
        ValidateName(name);
        return new PostgresLayout(Path.Combine(paths.Postgres, name), Path.Combine(FallbackBase(paths), name));
    }

    /// <summary>Where older lab versions kept their one server: data, pgpass, log and leases straight in <paramref name="baseFolder"/>.</summary>
    public static PostgresLayout Legacy(string baseFolder) => new(baseFolder, baseFolder);

    /// <summary>The folder of one server found on disk (see <see cref="Bases"/>).</summary>
    public static PostgresLayout At(string root) => new(root, root);

    /// <summary>Every folder holding this state folder's servers: the preferred one, and its /var/tmp stand-in.</summary>
    public static IReadOnlyList<string> Bases(LabPaths paths) => [paths.Postgres, FallbackBase(paths)];

    // Hashed from the state folder's postgres folder, as older versions did: their fallback server stays findable.
    private static string FallbackBase(LabPaths paths) =>
        Path.Combine("/var/tmp", $"sdlab-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(paths.Postgres)))[..10]}", "postgres");

    public string Root => _root ?? _preferredRoot;
    public string DataDirectory => Path.Combine(Root, "data");
    public string LogFile => Path.Combine(Root, "postgres.log");
    public string SettingsFile => Path.Combine(Root, "settings.stamp");

    /// <summary>The lab user's password, in pgpass format (mode 600): beside the data it belongs to.</summary>
    public string PasswordFile => Path.Combine(Root, "pgpass");
    public string HbaFile => Path.Combine(DataDirectory, "pg_hba.conf");
    public string LeasesFolder => Path.Combine(Root, "leases");

    /// <summary>Held while a lab process starts, adopts or stops the server, so those decisions never interleave.</summary>
    public string LockFile => Path.Combine(Root, "server.lock");

    /// <summary>A replica's data: pg_basebackup -R leaves standby.signal in it.</summary>
    public bool IsStandby => File.Exists(Path.Combine(DataDirectory, "standby.signal"));

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

    /// <summary>The pid of the server running on this folder's data, if one runs.</summary>
    public int? PostmasterPid()
    {
        var lines = ReadPidFile();
        return lines.Length > 0 && int.TryParse(lines[0], out var pid) && BackgroundProcess.IsAlive(pid) ? pid : null;
    }

    public int? PortFromPidFile()
    {
        var lines = ReadPidFile();
        return lines.Length > 3 && int.TryParse(lines[3], out var port) ? port : null;
    }

    /// <summary>
    /// Fast shutdown (sessions are cut, nothing waits for clients) with pg_ctl, which returns once the
    /// postmaster and its children have gone; the process group is killed when that fails.
    /// </summary>
    public async Task StopPostmasterAsync(PostgresInstallation? installation)
    {
        if (PostmasterPid() is not { } pid)
        {
            return;
        }
        if (installation is not null)
        {
            var result = await RunAsPostgresAsync([installation.PgCtl, "stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "30"], CancellationToken.None);
            if (result.Succeeded || !BackgroundProcess.IsAlive(pid))
            {
                return;
            }
        }
        await BackgroundProcess.StopGroupAsync(pid, TimeSpan.FromSeconds(10));
    }

    public string[] ReadPidFile()
    {
        try
        {
            return File.ReadAllLines(Path.Combine(DataDirectory, "postmaster.pid"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>
    /// The name is a folder beside the older layout's files, so it must be a plain name and none of
    /// theirs: "data" would put the server inside the old server's data.
    /// </summary>
    private static void ValidateName(string name)
    {
        if (!PlainName().IsMatch(name) || name is "data" or "leases")
        {
            throw new LabException($"'{name}' cannot name a PostgreSQL server: the name is its folder under the lab's state folder, so use " +
                "letters, digits, '-' or '_' (starting with a letter or digit), and not 'data' or 'leases', which older lab versions used there.");
        }
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_-]{0,62}$")]
    private static partial Regex PlainName();
}
