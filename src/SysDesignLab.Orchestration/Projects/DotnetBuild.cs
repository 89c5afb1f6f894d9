using System.Text.RegularExpressions;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Projects;

/// <summary>Builds a scenario app with `dotnet build` and turns a failure into the compiler's own messages.</summary>
public static partial class DotnetBuild
{
    public static async Task<string> BuildAsync(string projectPath, string outputDirectory, string assemblyName, CancellationToken cancellationToken)
    {
        if (!File.Exists(projectPath))
        {
            throw new LabException($"The project {projectPath} does not exist.");
        }
        ProcessResult result;
        using (await BuildLock.AcquireAsync(BuildLock.PathFor(projectPath), cancellationToken))
        {
            result = await ProcessRunner.RunAsync(
                "dotnet",
                ["build", projectPath, "-c", "Release", "-o", outputDirectory, "-nologo", "-v", "quiet", "-clp:NoSummary", "-p:UseSharedCompilation=false"],
                new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1", ["MSBUILDTERMINALLOGGER"] = "off" },
                workingDirectory: Path.GetDirectoryName(projectPath),
                cancellationToken: cancellationToken);
        }
        if (!result.Succeeded)
        {
            throw new BuildFailedException(projectPath, CompilerMessages(result.Output));
        }
        var dll = Path.Combine(outputDirectory, assemblyName + ".dll");
        if (!File.Exists(dll))
        {
            throw new LabException($"The build of {projectPath} succeeded but produced no {assemblyName}.dll. Keep <AssemblyName>{assemblyName}</AssemblyName> in the project file.");
        }
        return dll;
    }

    /// <summary>The error lines, de-duplicated, with the repository-absolute paths shortened.</summary>
    public static IReadOnlyList<string> CompilerMessages(string output)
    {
        var errors = output.Split('\n')
            .Select(line => ProjectSuffix().Replace(line.Trim(), ""))
            .Where(line => line.Contains(": error ", StringComparison.Ordinal))
            .Distinct()
            .ToList();
        return errors.Count > 0 ? errors : output.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).TakeLast(15).ToList();
    }

    [GeneratedRegex(@"\s*\[[^\]]+\.csproj\]$")]
    private static partial Regex ProjectSuffix();
}
