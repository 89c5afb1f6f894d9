using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Tests.Shared;

/// <summary>
/// Runs the real sdlab CLI (sdlab.dll beside the test assembly) as a learner would, in a throwaway
/// state folder. Disposing runs `sdlab stop`, so the web lab, the apps and PostgreSQL go with it.
/// Linked into every test project that drives the CLI.
/// </summary>
internal sealed class SdlabProcess : IDisposable, IAsyncDisposable
{
    public SdlabProcess(string? repositoryRoot = null)
    {
        RepositoryRoot = repositoryRoot ?? RepoRoot;
        StateRoot = LabPaths.CreateTemporaryStateRoot("sdlab-test-");
    }

    public static string RepoRoot => LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!;
    public string RepositoryRoot { get; }
    public string StateRoot { get; }

    public Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "sdlab.dll"), .. arguments], new Dictionary<string, string>
        {
            ["SDLAB_ROOT"] = RepositoryRoot,
            ["SDLAB_STATE_DIR"] = StateRoot,
            ["NO_COLOR"] = "1",
            ["COLUMNS"] = "200",
        }, workingDirectory: RepositoryRoot);

    /// <summary>
    /// Live processes that belong to this state folder: by command line (the built app, PostgreSQL)
    /// or by environment (the web lab, a relaunched load run).
    /// </summary>
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
                var environment = File.ReadAllText(Path.Combine(dir, "environ"));
                if ((commandLine.Contains(StateRoot, StringComparison.Ordinal) || environment.Contains("SDLAB_STATE_DIR=" + StateRoot, StringComparison.Ordinal))
                    && BackgroundProcess.IsAlive(pid))
                {
                    found.Add($"{pid}: {commandLine}");
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
            }
        }
        return found;
    }

    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    public async ValueTask DisposeAsync()
    {
        await RunAsync("stop");
        try
        {
            Directory.Delete(StateRoot, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
