using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>Finds the PostgreSQL server binaries (initdb, pg_ctl, postgres) on this machine.</summary>
public sealed record PostgresInstallation(string BinDirectory, int MajorVersion)
{
    public const string InstallHint = "sudo apt-get install -y postgresql";

    public string InitDb => Path.Combine(BinDirectory, "initdb");
    public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

    /// <summary>Clones a running server for a replica; packaged with the server binaries on Debian and Ubuntu.</summary>
    public string PgBaseBackup => Path.Combine(BinDirectory, "pg_basebackup");

    public static PostgresInstallation? TryFind()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("SDLAB_PG_BIN") is { Length: > 0 } explicitDir)
        {
            candidates.Add(explicitDir);
        }
        // Debian and Ubuntu keep server binaries off PATH, one folder per major version.
        if (Directory.Exists("/usr/lib/postgresql"))
        {
            candidates.AddRange(Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0)
                .Select(d => Path.Combine(d, "bin")));
        }
        if (ProcessRunner.FindOnPath("initdb") is { } onPath)
        {
            candidates.Add(Path.GetDirectoryName(Path.GetFullPath(ResolveLink(onPath)))!);
        }
        foreach (var dir in candidates)
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl")) && File.Exists(Path.Combine(dir, "postgres")))
            {
                return new PostgresInstallation(dir, GuessVersion(dir));
            }
        }
        return null;
    }

    public static PostgresInstallation Find() =>
        TryFind() ?? throw new PrerequisiteMissingException("The PostgreSQL server (initdb, pg_ctl, postgres)", InstallHint);

    private static string ResolveLink(string path) =>
        new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? path;

    private static int GuessVersion(string binDir)
    {
        var parent = Path.GetFileName(Path.GetDirectoryName(binDir.TrimEnd('/')));
        return int.TryParse(parent, out var version) ? version : 0;
    }
}
