using SysDesignLab.Scenarios.Lab;

namespace SysDesignLab.Scenarios.Tests.Lab;

/// <summary>A pass ends with the next step: the guide's reflection questions, then the next scenario.</summary>
public sealed class NextStepTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("sdlab-next-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private ScenarioCatalog Catalog(params string[] ids)
    {
        foreach (var id in ids)
        {
            var folder = Path.Combine(_root, id);
            foreach (var file in new[] { "db/schema.sql", "db/seed.sql", "app/App.csproj", "solution/App.csproj" })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, file))!);
                File.WriteAllText(Path.Combine(folder, file), "");
            }
            File.WriteAllText(Path.Combine(folder, "scenario.json"), ScenarioFolder.ValidManifest);
        }
        return new ScenarioCatalog(_root);
    }

    [Fact]
    public void After_a_scenario_comes_the_next_one_in_the_catalog_and_the_last_has_none()
    {
        var catalog = Catalog("01-first", "02-second");

        var first = NextStep.After(catalog, catalog.Find("01"));
        var last = NextStep.After(catalog, catalog.Find("02"));

        Assert.Equal("02-second", first.NextScenarioId);
        Assert.Equal("02", first.NextScenarioNumber);
        Assert.Null(last.NextScenarioId);
    }

    [Fact]
    public void The_reflection_heading_is_preferred_then_the_results_section()
    {
        var catalog = Catalog("01-first");
        var guide = catalog.Find("01").GuidePath;

        File.WriteAllText(guide, "# 01\n## Your results\ntable\n### Reflect on it\nquestions\n");
        Assert.Equal("Reflect on it", NextStep.ReflectionHeadingIn(guide));

        File.WriteAllText(guide, "# 01\n## Step by step\n## Your results\n");
        Assert.Equal("Your results", NextStep.ReflectionHeadingIn(guide));

        File.WriteAllText(guide, "# 01\n## Step by step\n");
        Assert.Null(NextStep.ReflectionHeadingIn(guide));
    }

    [Fact]
    public void Every_shipped_guide_has_a_heading_to_point_to_after_a_pass()
    {
        var scenarios = Path.Combine(SysDesignLab.Orchestration.LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, "scenarios");
        foreach (var guide in Directory.GetDirectories(scenarios).Select(d => Path.Combine(d, "SCENARIO.md")).Where(File.Exists))
        {
            Assert.True(NextStep.ReflectionHeadingIn(guide) is not null, $"{guide} has no reflection or results heading");
        }
    }
}
