using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Scenarios.Running;

/// <summary>
/// A copy of the scenario's app as shipped, taken the first time the lab touches the scenario.
/// It is what `reset` restores and what the naive baseline is measured on, whatever the learner
/// has changed since. It sits beside app/ (same depth, so relative project references still
/// resolve) and is ignored by git.
/// </summary>
public static class NaiveSnapshot
{
    public const string FolderName = ".naive";

    public static string PathFor(Scenario scenario) => Path.Combine(scenario.Directory, FolderName);

    public static string ProjectPath(Scenario scenario) =>
        Path.Combine(PathFor(scenario), Path.GetFileName(scenario.AppProjectPath));

    /// <summary>Takes the snapshot if there is none yet; returns its folder.</summary>
    /// <remarks>
    /// Several lab processes may get here at once (a `check` in a terminal while the web lab starts the
    /// scenario). Each copies into a staging folder of its own and renames it into place: the rename
    /// makes the snapshot appear whole or not at all, the first rename wins and the others drop their
    /// copy. Staging folders of processes that were killed mid-copy are removed.
    /// </remarks>
    public static string Ensure(Scenario scenario)
    {
        var target = PathFor(scenario);
        if (File.Exists(ProjectPath(scenario)))
        {
            return target;
        }
        RemoveAbandonedStaging(scenario);
        var staging = $"{target}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";
        CopySources(scenario.AppDirectory, staging);
        try
        {
            Directory.Move(staging, target);
        }
        catch (IOException) when (File.Exists(ProjectPath(scenario)))
        {
            // Another process finished first; its copy is the same files.
            Directory.Delete(staging, recursive: true);
        }
        return target;
    }

    private static void RemoveAbandonedStaging(Scenario scenario)
    {
        foreach (var staging in Directory.EnumerateDirectories(scenario.Directory, FolderName + ".tmp*"))
        {
            var owner = Path.GetFileName(staging).Split('-') is [_, var pid, ..] && int.TryParse(pid, out var p) ? p : 0;
            if (owner == 0 || !BackgroundProcess.IsAlive(owner))
            {
                try
                {
                    Directory.Delete(staging, recursive: true);
                }
                catch (DirectoryNotFoundException)
                {
                }
            }
        }
    }

    /// <summary>Puts the shipped app back in app/, replacing the learner's changes.</summary>
    public static void Restore(Scenario scenario)
    {
        var snapshot = Ensure(scenario);
        foreach (var file in SourceFiles(scenario.AppDirectory))
        {
            File.Delete(file);
        }
        CopySources(snapshot, scenario.AppDirectory);
    }

    /// <summary>Copies a project's source files (no bin/, obj/ or hidden folders).</summary>
    public static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in SourceFiles(from))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }

    private static IEnumerable<string> SourceFiles(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).Split(Path.DirectorySeparatorChar)
                .Any(part => part is "bin" or "obj" || part.StartsWith('.')));
}
