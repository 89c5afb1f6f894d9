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
    public static string Ensure(Scenario scenario)
    {
        var target = PathFor(scenario);
        if (File.Exists(ProjectPath(scenario)))
        {
            return target;
        }
        var staging = target + ".tmp";
        if (Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
        CopySources(scenario.AppDirectory, staging);
        // The rename makes the snapshot appear whole or not at all, even if the lab is killed here.
        Directory.Move(staging, target);
        return target;
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
