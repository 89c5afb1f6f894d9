namespace SysDesignLab.Cli.Tests.Commands;

/// <summary>What a learner's broken edit produces: the compiler's message or the manifest's problem, never a stack trace.</summary>
[Trait("Category", "Integration")]
public sealed class LearnerMistakeTests : IDisposable
{
    private readonly string _copy = Directory.CreateTempSubdirectory("sdlab-repo-").FullName;

    public LearnerMistakeTests()
    {
        var root = SdlabProcess.RepoRoot;
        foreach (var file in new[] { "SysDesignLab.slnx", "global.json", "Directory.Build.props", "Directory.Packages.props" })
        {
            File.Copy(Path.Combine(root, file), Path.Combine(_copy, file));
        }
        CopySources(Path.Combine(root, "src", "SysDesignLab.ScenarioKit"), Path.Combine(_copy, "src", "SysDesignLab.ScenarioKit"));
        CopySources(Path.Combine(root, "scenarios", "01-single-server"), Path.Combine(_copy, "scenarios", "01-single-server"));
    }

    [Fact]
    public async Task Check_of_an_app_that_does_not_compile_shows_the_compiler_error_and_exits_2()
    {
        var program = Path.Combine(_copy, "scenarios", "01-single-server", "app", "Program.cs");
        File.AppendAllText(program, "\nthis is not C#\n");
        using var sdlab = new SdlabProcess(_copy);
        var result = await sdlab.RunAsync("check", "01");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not compile", result.Output, StringComparison.Ordinal);
        Assert.Contains("Program.cs(", result.Output, StringComparison.Ordinal);
        Assert.Contains("error CS", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_manifest_names_the_file_and_the_field()
    {
        var manifest = Path.Combine(_copy, "scenarios", "01-single-server", "scenario.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("\"users\": 100", "\"users\": \"many\"", StringComparison.Ordinal));
        using var sdlab = new SdlabProcess(_copy);
        var result = await sdlab.RunAsync("start", "01");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("01-single-server/scenario.json", result.Output, StringComparison.Ordinal);
        Assert.Contains("load.users", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

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

    public void Dispose() => Directory.Delete(_copy, recursive: true);
}
