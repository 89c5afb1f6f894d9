namespace SysDesignLab.Orchestration;

/// <summary>Where the lab keeps its state: one folder per repository, ignored by git.</summary>
public sealed class LabPaths
{
    public LabPaths(string repositoryRoot, string? stateRoot = null)
    {
        RepositoryRoot = Path.GetFullPath(repositoryRoot);
        StateRoot = Path.GetFullPath(stateRoot ?? Environment.GetEnvironmentVariable("SDLAB_STATE_DIR")
            ?? Path.Combine(RepositoryRoot, ".sdlab"));
    }

    public string RepositoryRoot { get; }
    public string StateRoot { get; }
    public string ScenariosRoot => Path.Combine(RepositoryRoot, "scenarios");
    public string Logs => Path.Combine(StateRoot, "logs");
    public string Builds => Path.Combine(StateRoot, "builds");
    /// <summary>One folder per PostgreSQL server, named after it (older lab versions kept a single server straight in here).</summary>
    public string Postgres => Path.Combine(StateRoot, "postgres");
    /// <summary>One folder per app instance that stands for a machine of its own (see DotnetAppResource.HostFolder).</summary>
    public string Hosts => Path.Combine(StateRoot, "hosts");
    public string RunState => Path.Combine(StateRoot, "run.json");
    public string ProgressDatabase => Path.Combine(StateRoot, "progress.db");
    public string Results => Path.Combine(StateRoot, "results");

    /// <summary>
    /// A throwaway state folder (tests, one-off runs). Temp folders are private (700), but when the
    /// lab runs as root the postgres user must reach the data folder inside, so it is opened to 755.
    /// </summary>
    public static string CreateTemporaryStateRoot(string prefix)
    {
        var folder = Directory.CreateTempSubdirectory(prefix).FullName;
        if (OperatingSystem.IsWindows())
        {
            return folder;
        }
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return folder;
    }

    /// <summary>Walks up from <paramref name="start"/> to the folder holding SysDesignLab.slnx.</summary>
    public static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SysDesignLab.slnx")))
            {
                return dir.FullName;
            }
        }
        return null;
    }
}
