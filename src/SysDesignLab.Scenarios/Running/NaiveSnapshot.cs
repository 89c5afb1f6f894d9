using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Scenarios.Running;

/// <summary>
/// The scenario's app as shipped, in a folder the lab builds the naive baseline from and `reset`
/// restores from. Its content comes from <see cref="ShippedApp"/> (the recorded blob ids), never
/// from what app/ happens to hold, and it is checked against that record on every use, so a
/// snapshot that an older lab took of a learner's edit is replaced. It sits beside app/ (same
/// depth, so relative project references still resolve) and is ignored by git.
/// </summary>
public static class NaiveSnapshot
{
    public const string FolderName = ".naive";

    public static string PathFor(Scenario scenario) => Path.Combine(scenario.Directory, FolderName);

    public static string ProjectPath(Scenario scenario) =>
        Path.Combine(PathFor(scenario), Path.GetFileName(scenario.AppProjectPath));

    /// <summary>Makes sure the snapshot holds exactly the shipped app; returns its folder.</summary>
    /// <remarks>
    /// Several lab processes may get here at once (a `check` in a terminal while the web lab starts the
    /// scenario). Each writes into a staging folder of its own and renames it into place: the rename
    /// makes the snapshot appear whole or not at all, the first rename wins and the others drop their
    /// copy. Staging folders of processes that were killed mid-copy are removed.
    /// </remarks>
    public static async Task<string> EnsureAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        var target = PathFor(scenario);
        var shipped = ShippedApp.Load(scenario);
        if (shipped.IsMatchedBy(target))
        {
            return target;
        }
        RemoveAbandonedStaging(scenario);
        var staging = StagingName(target);
        await shipped.WriteToAsync(staging, cancellationToken);
        if (Directory.Exists(target) && !shipped.IsMatchedBy(target))
        {
            // A stale snapshot (another source, or an older lab's copy of the learner's edit): move it
            // out of the way in one step, then delete it at leisure.
            var stale = StagingName(target);
            try
            {
                Directory.Move(target, stale);
                Directory.Delete(stale, recursive: true);
            }
            catch (IOException)
            {
                // Another process moved it first.
            }
        }
        try
        {
            Directory.Move(staging, target);
        }
        catch (IOException) when (shipped.IsMatchedBy(target))
        {
            // Another process finished first; its copy is the same files.
            Directory.Delete(staging, recursive: true);
        }
        return target;
    }

    private static string StagingName(string target) => $"{target}.tmp-{Environment.ProcessId}-{Guid.NewGuid():N}";

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

    /// <summary>Makes <paramref name="to"/>'s source files exactly those of <paramref name="from"/> (bin/, obj/ and hidden files stay).</summary>
    public static void ReplaceSources(string from, string to)
    {
        if (Directory.Exists(to))
        {
            foreach (var file in ShippedApp.SourceFiles(to).ToList())
            {
                File.Delete(file);
            }
        }
        CopySources(from, to);
    }

    /// <summary>Copies a project's source files (no bin/, obj/ or hidden folders).</summary>
    public static void CopySources(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in ShippedApp.SourceFiles(from))
        {
            var destination = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination, overwrite: true);
        }
    }
}
