using SysDesignLab.Progress;
using SysDesignLab.Scenarios;
using SysDesignLab.Scenarios.Manifest;
using SysDesignLab.Scenarios.Running;
using SysDesignLab.Web.Reports;
using SysDesignLab.Web.ScenarioPage;

namespace SysDesignLab.Web.Tests.Pages;

/// <summary>The repository's real scenarios and the standings a learner can have, for rendering the pages' components.</summary>
internal static class PageFixtures
{
    public static Scenario Load(string id) => ManifestLoader.Load(Path.Combine(SdlabProcess.RepoRoot, "scenarios", id));

    public static IReadOnlyList<Scenario> All() => new ScenarioCatalog(Path.Combine(SdlabProcess.RepoRoot, "scenarios")).All();

    /// <summary>A copy of scenario 01 whose manifest says <paramref name="title"/>, in a folder the caller deletes.</summary>
    public static Scenario WithTitle(string title, out string folder)
    {
        folder = Directory.CreateTempSubdirectory("sdlab-pages-").FullName;
        var copy = Path.Combine(folder, "01-single-server");
        NaiveSnapshot.CopySources(Path.Combine(SdlabProcess.RepoRoot, "scenarios", "01-single-server"), copy);
        var manifest = Path.Combine(copy, "scenario.json");
        var json = File.ReadAllText(manifest);
        var encoded = System.Text.Json.JsonSerializer.Serialize(title);
        File.WriteAllText(manifest, System.Text.RegularExpressions.Regex.Replace(json, "\"title\": \"[^\"]*\"", $"\"title\": {encoded.Replace("$", "$$", StringComparison.Ordinal)}"));
        return ManifestLoader.Load(copy);
    }

    public static ScenarioProgress NotStarted(string id) => ScenarioProgress.Empty(id);

    public static ScenarioProgress Attempted(string id, int attempts = 1) => new(id, attempts, false, null, DateTimeOffset.UnixEpoch, 0, false);

    public static ScenarioProgress Passed(string id) => new(id, 2, true, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 1, false);

    public static EnvironmentSnapshot Stopped(Scenario scenario) => new(scenario, null, null, false, false, [], []);

    public static ReportData NoAttempts(Scenario scenario) => ReportData.From(scenario.Id, scenario.Title, []);

    public static ReportData OnePass(Scenario scenario) => ReportData.From(scenario.Id, scenario.Title, [Reports.ReportFixtures.Attempt(1, true, 700, 120)]);
}
