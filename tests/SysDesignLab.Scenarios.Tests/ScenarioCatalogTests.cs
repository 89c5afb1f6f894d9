using SysDesignLab.Orchestration;

namespace SysDesignLab.Scenarios.Tests;

public sealed class ScenarioCatalogTests
{
    [Theory]
    [InlineData("99-test")]
    [InlineData("99")]
    [InlineData("test")]
    [InlineData("scenarios/99-test/")]
    public void Finds_a_scenario_by_id_number_or_name(string query)
    {
        using var folder = new ScenarioFolder();
        var catalog = new ScenarioCatalog(folder.Root);
        Assert.Equal("99-test", catalog.Find(query).Id);
    }

    [Fact]
    public void Unknown_scenario_lists_the_known_ones()
    {
        using var folder = new ScenarioFolder();
        var error = Assert.Throws<LabException>(() => new ScenarioCatalog(folder.Root).Find("42"));
        Assert.Contains("99-test", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Folders_without_a_manifest_are_not_scenarios()
    {
        using var folder = new ScenarioFolder();
        Directory.CreateDirectory(Path.Combine(folder.Root, "notes"));
        Assert.Equal(["99-test"], new ScenarioCatalog(folder.Root).Ids());
    }

    [Fact]
    public void A_malformed_manifest_is_reported_without_hiding_the_other_scenarios()
    {
        using var folder = new ScenarioFolder();
        var broken = Path.Combine(folder.Root, "98-broken");
        Directory.CreateDirectory(broken);
        File.WriteAllText(Path.Combine(broken, "scenario.json"), "{ \"title\": ");

        var scan = new ScenarioCatalog(folder.Root).Scan();

        Assert.Equal(["99-test"], scan.Scenarios.Select(s => s.Id));
        var problem = Assert.Single(scan.Problems);
        Assert.StartsWith("98-broken cannot be loaded:", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_repository_scenarios_all_load()
    {
        var root = LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!;
        var scenarios = new ScenarioCatalog(Path.Combine(root, "scenarios")).All();
        Assert.Contains(scenarios, s => s.Id == "01-single-server");
        foreach (var scenario in scenarios)
        {
            Assert.True(File.Exists(scenario.GuidePath), $"{scenario.Id} has no SCENARIO.md");
            Assert.True(scenario.Hints.Count >= 4, $"{scenario.Id} has fewer than 4 hints: a ladder needs where to look, what it means, the cause and the shape of the fix");
            var kinds = scenario.Check.Criteria.Select(c => c.Kind).ToHashSet();
            Assert.True(kinds.SetEquals(["performance", "correctness", "right-way"]), $"{scenario.Id} lacks a kind of criterion");
        }
    }
}
