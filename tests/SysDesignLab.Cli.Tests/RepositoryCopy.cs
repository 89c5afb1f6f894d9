using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Cli.Tests;

/// <summary>
/// A throwaway copy of the parts of the repository a scenario needs, so a test can edit the app
/// like a learner would without touching the real one.
/// </summary>
internal sealed class RepositoryCopy : IDisposable
{
    public RepositoryCopy(string scenarioId)
    {
        var root = SdlabProcess.RepoRoot;
        foreach (var file in new[] { "SysDesignLab.slnx", "global.json", "Directory.Build.props", "Directory.Packages.props" })
        {
            File.Copy(Path.Combine(root, file), Path.Combine(Root, file));
        }
        foreach (var project in new[] { "SysDesignLab.ScenarioKit", "SysDesignLab.LoadBalancer" })
        {
            CopySources(Path.Combine(root, "src", project), Path.Combine(Root, "src", project));
        }
        CopySources(Path.Combine(root, "scenarios", scenarioId), Path.Combine(Root, "scenarios", scenarioId));
        ScenarioDirectory = Path.Combine(Root, "scenarios", scenarioId);
        CommitAll();
    }

    // A learner's clone has git history: the lab finds the shipped app there once app/ is edited.
    private void CommitAll()
    {
        foreach (var arguments in new[] { new[] { "init", "-q" }, ["add", "-A"], ["-c", "user.name=lab", "-c", "user.email=lab@example.invalid", "commit", "-q", "-m", "shipped"] })
        {
            var result = ProcessRunner.RunAsync("git", ["-C", Root, .. arguments]).GetAwaiter().GetResult();
            Assert.True(result.Succeeded, result.Output);
        }
    }

    public string Root { get; } = Directory.CreateTempSubdirectory("sdlab-repo-").FullName;
    public string ScenarioDirectory { get; }

    /// <summary>Replaces text in a file of the scenario, failing loudly if the text is not there.</summary>
    public void Edit(string relativePath, string find, string replace)
    {
        var path = Path.Combine(ScenarioDirectory, relativePath);
        var text = File.ReadAllText(path);
        Assert.Contains(find, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(find, replace, StringComparison.Ordinal));
    }

    /// <summary>Replaces the text from <paramref name="start"/> through <paramref name="end"/> (both included), failing loudly if either is missing.</summary>
    public void ReplaceBetween(string relativePath, string start, string end, string replacement)
    {
        var path = Path.Combine(ScenarioDirectory, relativePath);
        var text = File.ReadAllText(path);
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' is not in {relativePath}");
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        Assert.True(to >= 0, $"'{end}' is not in {relativePath} after '{start}'");
        File.WriteAllText(path, text[..from] + replacement + text[(to + end.Length)..]);
    }

    /// <summary>Starts from the reference solution's Program.cs, as a learner who fixed part of it would.</summary>
    public void UseSolutionProgram() =>
        File.Copy(Path.Combine(ScenarioDirectory, "solution", "Program.cs"), Path.Combine(ScenarioDirectory, "app", "Program.cs"), overwrite: true);

    private static void CopySources(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(from, file);
            if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is "bin" or "obj" || p.StartsWith('.')))
            {
                continue;
            }
            var target = Path.Combine(to, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
