using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Web.Tests.Browser;

/// <summary>The real sdlab CLI in a throwaway state folder; disposing runs `sdlab stop` (web, app, PostgreSQL).</summary>
internal sealed class LabCli : IAsyncDisposable
{
    public LabCli()
    {
        StateRoot = LabPaths.CreateTemporaryStateRoot("sdlab-web-");
    }

    public static string RepoRoot => LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!;
    public string StateRoot { get; }

    public static string Screenshots
    {
        get
        {
            var folder = Path.Combine(RepoRoot, ".sdlab", "test-results", "screenshots");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync("dotnet", [Path.Combine(AppContext.BaseDirectory, "sdlab.dll"), .. arguments], new Dictionary<string, string>
        {
            ["SDLAB_ROOT"] = RepoRoot,
            ["SDLAB_STATE_DIR"] = StateRoot,
            ["NO_COLOR"] = "1",
            ["COLUMNS"] = "200",
        }, workingDirectory: RepoRoot);

    /// <summary>Live processes whose command line points into this state folder: the web lab, the app, PostgreSQL.</summary>
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
