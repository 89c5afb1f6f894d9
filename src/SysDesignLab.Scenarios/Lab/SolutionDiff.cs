using SysDesignLab.Orchestration.Processes;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Lab;

/// <summary>The reference fix as a unified diff against the learner's app, sources only (no bin/ or obj/).</summary>
public static class SolutionDiff
{
    public static async Task<string> CreateAsync(Scenario scenario, bool colour, CancellationToken cancellationToken)
    {
        var workspace = Directory.CreateTempSubdirectory("sdlab-diff-");
        try
        {
            NaiveSnapshot.CopySources(scenario.AppDirectory, Path.Combine(workspace.FullName, "your-app"));
            NaiveSnapshot.CopySources(scenario.SolutionDirectory, Path.Combine(workspace.FullName, "solution"));
            var diff = await ProcessRunner.RunAsync("git",
                ["diff", "--no-index", "--color=" + (colour ? "always" : "never"), "--", "your-app", "solution"],
                workingDirectory: workspace.FullName, cancellationToken: cancellationToken);
            return diff.StandardOutput.Length > 0 ? diff.StandardOutput : "(your app is identical to the solution)\n";
        }
        finally
        {
            workspace.Delete(recursive: true);
        }
    }
}
