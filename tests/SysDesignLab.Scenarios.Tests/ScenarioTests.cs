namespace SysDesignLab.Scenarios.Tests;

public sealed class ScenarioTests
{
    [Fact]
    public void Example_path_fills_the_first_endpoints_placeholders_the_same_way_each_time()
    {
        using var folder = new ScenarioFolder();
        var scenario = new ScenarioCatalog(folder.Root).Find("99");

        var path = scenario.ExamplePath();

        Assert.Matches(@"^/feed\?page=([1-9]|10)$", path);
        Assert.Equal(path, new ScenarioCatalog(folder.Root).Find("99").ExamplePath());
    }

    [Fact]
    public void Example_path_prefers_a_get_endpoint_a_browser_can_open()
    {
        var manifest = ScenarioFolder.ValidManifest.Replace(
            "\"endpoints\": [{ \"name\": \"feed\",",
            "\"endpoints\": [{ \"name\": \"write\", \"method\": \"POST\", \"path\": \"/posts\", \"expect\": { \"status\": 201 } }, { \"name\": \"feed\",",
            StringComparison.Ordinal);
        Assert.Contains("\"POST\"", manifest, StringComparison.Ordinal);
        using var folder = new ScenarioFolder(manifest: manifest);

        Assert.StartsWith("/feed?page=", new ScenarioCatalog(folder.Root).Find("99").ExamplePath(), StringComparison.Ordinal);
    }
}
