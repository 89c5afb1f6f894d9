using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Projects;

/// <summary>
/// Lets one `dotnet build` at a time run in a repository. Builds of the same scenario app, or of the
/// ScenarioKit every app references, share an obj/ folder; two lab processes building at once (a
/// `check` in a terminal while the web lab starts the scenario) would race on its files.
/// </summary>
/// <remarks>A <see cref="FileLock"/>: a killed build never leaves the lock held.</remarks>
public sealed class BuildLock : IDisposable
{
    public const string FileName = ".sdlab-build.lock";
    private readonly FileLock _file;

    private BuildLock(FileLock file) => _file = file;

    /// <summary>The lock for the repository the project is in (or its own folder, outside one).</summary>
    public static string PathFor(string projectPath)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(projectPath))!;
        return Path.Combine(LabPaths.FindRepositoryRoot(folder) ?? folder, FileName);
    }

    /// <summary>Waits until no other process or thread holds the lock, then holds it until disposed.</summary>
    public static async Task<BuildLock> AcquireAsync(string lockPath, CancellationToken cancellationToken) =>
        new(await FileLock.AcquireAsync(lockPath, cancellationToken));

    public void Dispose() => _file.Dispose();
}
