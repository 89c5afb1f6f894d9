using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Cli.Tests;

/// <summary>Runs the real sdlab CLI as a learner would, in a throwaway state folder.</summary>
internal sealed class SdlabProcess : IDisposable
{
    public SdlabProcess(string? repositoryRoot = null)
    {
        RepositoryRoot = repositoryRoot ?? RepoRoot;
        StateRoot = LabPaths.CreateTemporaryStateRoot("sdlab-cli-");
    }

    public static string RepoRoot => LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!;
    public string RepositoryRoot { get; }
    public string StateRoot { get; }

    public async Task<ProcessResult> RunAsync(params string[] arguments)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "sdlab.dll");
        return await ProcessRunner.RunAsync("dotnet", [cli, .. arguments], new Dictionary<string, string>
        {
            ["SDLAB_ROOT"] = RepositoryRoot,
            ["SDLAB_STATE_DIR"] = StateRoot,
            ["NO_COLOR"] = "1",
            ["COLUMNS"] = "200",
        }, workingDirectory: RepositoryRoot);
    }

    /// <summary>Processes whose command line points into the lab's state folder: the built app, PostgreSQL.</summary>
    public List<string> LabProcesses()
    {
        var found = new List<string>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(StateRoot, StringComparison.Ordinal) && BackgroundProcess.IsAlive(pid))
                {
                    found.Add($"{pid}: {commandLine}");
                }
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    public void Dispose()
    {
        RunAsync("stop").GetAwaiter().GetResult();
        try
        {
            Directory.Delete(StateRoot, recursive: true);
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
