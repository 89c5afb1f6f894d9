using System.Globalization;
using SysDesignLab.Orchestration;

namespace SysDesignLab.Scenarios.Running;

/// <summary>
/// Copies of a learner's app taken before the lab replaces it (reset), one timestamped folder each
/// under <c>.sdlab/backups/&lt;scenario&gt;/</c>. They are never deleted by the lab: a learner's
/// code is worth more than the few kilobytes it takes.
/// </summary>
public sealed class CodeBackups(LabPaths paths, TimeProvider time)
{
    private const string Format = "yyyyMMdd-HHmmss-fff";

    public string FolderFor(Scenario scenario) => Path.Combine(paths.StateRoot, "backups", scenario.Id);

    /// <summary>Copies app/'s source files into a new backup folder and returns its path.</summary>
    /// <remarks>Written to a staging folder and renamed, so a backup that exists is whole.</remarks>
    public string Save(Scenario scenario)
    {
        var root = FolderFor(scenario);
        Directory.CreateDirectory(root);
        var name = time.GetUtcNow().ToString(Format, CultureInfo.InvariantCulture);
        var target = Path.Combine(root, name);
        for (var n = 2; Directory.Exists(target); n++)
        {
            target = Path.Combine(root, $"{name}-{n}");
        }
        var staging = Path.Combine(root, $".partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
        NaiveSnapshot.CopySources(scenario.AppDirectory, staging);
        Directory.Move(staging, target);
        return target;
    }

    /// <summary>Backups of the scenario, newest first.</summary>
    public IReadOnlyList<string> List(Scenario scenario)
    {
        var root = FolderFor(scenario);
        return Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Where(d => !Path.GetFileName(d).StartsWith('.'))
                .OrderByDescending(d => Path.GetFileName(d), StringComparer.Ordinal)
                .ToList()
            : [];
    }
}
