using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Tests.Manifest;

public sealed class ManifestLoaderTests
{
    [Fact]
    public void Valid_manifest_loads_with_the_folder_name_as_id_and_parsed_profiles()
    {
        using var folder = new ScenarioFolder();
        var scenario = ManifestLoader.Load(folder.Path);
        Assert.Equal("99-test", scenario.Id);
        Assert.Equal("99", scenario.Number);
        Assert.Equal(10, scenario.CheckProfile.VirtualUsers);
        Assert.Equal(TimeSpan.FromSeconds(5), scenario.CheckProfile.Duration);
        Assert.Equal(TimeSpan.FromSeconds(1), scenario.CheckProfile.WarmUp);
        Assert.Equal(TimeSpan.FromSeconds(2), scenario.CheckProfile.RequestTimeout);
        // The check inherits the load endpoints when it names none.
        Assert.Equal("/feed?page={int:1:10}", Assert.Single(scenario.CheckProfile.Endpoints).Path);
        Assert.Equal(2, scenario.DatabaseScripts.Count);
    }

    [Theory]
    [InlineData("\"tier\": \"crawling\"", "\"tier\": \"flying\"", "tier", "flying")]
    [InlineData("\"op\": \">=\"", "\"op\": \"=>\"", "check.criteria[0].op", "=>")]
    [InlineData("\"metric\": \"successRate\"", "\"metric\": \"speed\"", "check.criteria[0].metric", "speed")]
    [InlineData("\"load\": { \"users\": 10, \"duration\": \"5s\"", "\"load\": { \"users\": 10, \"duration\": \"five\"", "load.duration", "five")]
    [InlineData("\"schema\": \"db/schema.sql\"", "\"schema\": \"db/missing.sql\"", "database.schema", "does not exist")]
    [InlineData("\"load\": { \"users\": 10", "\"load\": { \"users\": 0", "load.users", "at least 1")]
    [InlineData("\"path\": \"/feed?page={int:1:10}\"", "\"path\": \"/feed?page={nope}\"", "load.endpoints[0]", "nope")]
    [InlineData("\"hints\": [\"one\", \"two\"]", "\"hints\": []", "hints", "empty")]
    [InlineData("\"kind\": \"correctness\"", "\"kind\": \"vibes\"", "check.criteria[1].kind", "vibes")]
    public void Malformed_manifest_names_the_file_the_field_and_the_problem(string valid, string broken, string field, string problemContains)
    {
        Assert.Contains(valid, ScenarioFolder.ValidManifest, StringComparison.Ordinal);
        using var folder = new ScenarioFolder(manifest: ScenarioFolder.ValidManifest.Replace(valid, broken, StringComparison.Ordinal));
        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));
        Assert.Equal(field, error.Field);
        Assert.Contains(problemContains, error.Problem, StringComparison.Ordinal);
        Assert.EndsWith("99-test/scenario.json", error.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_field_is_reported_with_its_path()
    {
        using var folder = new ScenarioFolder(manifest: ScenarioFolder.ValidManifest.Replace("\"order\": 1,", "\"order\": 1, \"colour\": \"red\",", StringComparison.Ordinal));
        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));
        Assert.Contains("colour", error.Message, StringComparison.Ordinal);
        Assert.Contains("scenario.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_reports_the_line()
    {
        using var folder = new ScenarioFolder(manifest: "{\n  \"title\": \"x\",\n  oops\n}");
        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));
        Assert.Contains("line 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Id_that_disagrees_with_the_folder_is_rejected()
    {
        using var folder = new ScenarioFolder(manifest: ScenarioFolder.ValidManifest.Replace("\"title\"", "\"id\": \"42-other\", \"title\"", StringComparison.Ordinal));
        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));
        Assert.Equal("id", error.Field);
    }

    [Fact]
    public void Missing_manifest_is_a_manifest_error()
    {
        using var folder = new ScenarioFolder();
        File.Delete(System.IO.Path.Combine(folder.Path, "scenario.json"));
        Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));
    }

    [Fact]
    public void Explain_probe_needs_the_tables_it_guards()
    {
        const string probe = "{ \"name\": \"plan\", \"kind\": \"right-way\", \"probe\": \"explain-uses-index\", \"sql\": \"SELECT 1\", \"where\": \"w\" }";
        var manifest = ScenarioFolder.ValidManifest.Replace("\"criteria\": [", "\"criteria\": [" + probe + ",", StringComparison.Ordinal);
        using var folder = new ScenarioFolder(manifest: manifest);
        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));
        Assert.Equal("check.criteria[0].tables", error.Field);

        using var fixedFolder = new ScenarioFolder(manifest: manifest.Replace("\"sql\": \"SELECT 1\",", "\"sql\": \"SELECT 1\", \"tables\": [\"posts\"],", StringComparison.Ordinal));
        Assert.Equal("explain-uses-index", ManifestLoader.Load(fixedFolder.Path).Check.Criteria[0].Probe);
    }

    private const string ExplainCriterion =
        "{ \"name\": \"plan\", \"kind\": \"right-way\", \"probe\": \"explain-uses-index\", \"sql\": \"SELECT 1\", \"tables\": [\"posts\"], \"maxPagesRead\": PAGES, \"where\": \"w\" }";

    private const string AfterLoadCriterion =
        "{ \"name\": \"sold\", \"kind\": \"correctness\", \"probe\": \"sql-after-load\", \"sql\": \"SELECT count(*) FROM claims\", \"expectedSql\": \"SELECT stock FROM drops\"COMPARISON, \"where\": \"w\" }";

    private static string WithCriterion(string criterion) =>
        ScenarioFolder.ValidManifest.Replace("\"criteria\": [", "\"criteria\": [" + criterion + ",", StringComparison.Ordinal);

    [Theory]
    [InlineData("0")]
    [InlineData("-100")]
    public void Explain_probe_rejects_a_page_bound_that_is_not_positive(string pages)
    {
        using var folder = new ScenarioFolder(manifest: WithCriterion(ExplainCriterion.Replace("PAGES", pages, StringComparison.Ordinal)));
        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));
        Assert.Equal("check.criteria[0].maxPagesRead", error.Field);
        Assert.Contains("positive", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_probe_with_a_page_bound_loads()
    {
        using var folder = new ScenarioFolder(manifest: WithCriterion(ExplainCriterion.Replace("PAGES", "500", StringComparison.Ordinal)));
        Assert.Equal(500, ManifestLoader.Load(folder.Path).Check.Criteria[0].MaxPagesRead);
    }

    [Theory]
    [InlineData(", \"op\": \"==\", \"value\": 300")]
    [InlineData("")]
    [InlineData(", \"op\": \"=\"")]
    public void After_load_probe_with_expected_sql_needs_an_op_and_no_value(string comparison)
    {
        using var folder = new ScenarioFolder(manifest: WithCriterion(AfterLoadCriterion.Replace("COMPARISON", comparison, StringComparison.Ordinal)));
        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));
        Assert.Equal("check.criteria[0].expectedSql", error.Field);
    }

    [Fact]
    public void After_load_probe_with_expected_sql_and_an_op_loads()
    {
        using var folder = new ScenarioFolder(manifest: WithCriterion(AfterLoadCriterion.Replace("COMPARISON", ", \"op\": \"==\"", StringComparison.Ordinal)));
        var criterion = ManifestLoader.Load(folder.Path).Check.Criteria[0];
        Assert.Equal("SELECT stock FROM drops", criterion.ExpectedSql);
        Assert.Equal("==", criterion.Op);
        Assert.Null(criterion.Value);
    }

    [Fact]
    public void Replicas_without_a_load_balancer_are_rejected()
    {
        var manifest = ScenarioFolder.ValidManifest.Replace("\"health\": \"/health\" }", "\"health\": \"/health\", \"replicas\": 2 }", StringComparison.Ordinal);
        using var folder = new ScenarioFolder(manifest: manifest);
        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));
        Assert.Equal("app.replicas", error.Field);
        Assert.Contains("loadbalancer", error.Problem, StringComparison.Ordinal);

        var balanced = manifest.Replace("\"resources\": [", "\"resources\": [{ \"kind\": \"loadbalancer\", \"name\": \"lb\" }, ", StringComparison.Ordinal);
        using var balancedFolder = new ScenarioFolder(manifest: balanced);
        Assert.Equal(2, ManifestLoader.Load(balancedFolder.Path).App.Replicas);
    }
}
