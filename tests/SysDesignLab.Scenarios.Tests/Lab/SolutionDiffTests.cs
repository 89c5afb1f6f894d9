using SysDesignLab.Scenarios.Lab;

namespace SysDesignLab.Scenarios.Tests.Lab;

public sealed class SolutionDiffTests : IDisposable
{
    private readonly ScenarioFolder _folder = new();

    private Scenario Scenario() => new ScenarioCatalog(_folder.Root).Find("99");

    private void Write(string file, string text)
    {
        var path = Path.Combine(_folder.Path, file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    [Fact]
    public async Task The_diff_goes_from_the_learners_app_to_the_solution_and_leaves_build_output_out()
    {
        Write("app/Program.cs", "var cache = false;\n");
        Write("solution/Program.cs", "// Why: the feed is read far more than written.\nvar cache = true;\n");
        Write("solution/bin/Release/App.dll", "binary");
        Write("app/obj/project.assets.json", "{}");

        var diff = await SolutionDiff.CreateAsync(Scenario(), colour: false, CancellationToken.None);

        Assert.Contains("-var cache = false;", diff, StringComparison.Ordinal);
        Assert.Contains("+var cache = true;", diff, StringComparison.Ordinal);
        Assert.Contains("+// Why: the feed is read far more than written.", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("bin/", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("obj/", diff, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", diff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_app_identical_to_the_solution_says_so()
    {
        Write("app/Program.cs", "var cache = true;\n");
        Write("solution/Program.cs", "var cache = true;\n");

        var diff = await SolutionDiff.CreateAsync(Scenario(), colour: false, CancellationToken.None);

        Assert.Equal("(your app is identical to the solution)\n", diff);
    }

    public void Dispose() => _folder.Dispose();
}
