using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Tests.Probes.ReadYourWrites;

public sealed class ReadYourWritesProbeTests
{
    private const string Criterion =
        """
        { "name": "ryw", "kind": "correctness", "probe": "read-your-writes", "user": 1000,
          "loginPath": "/login", "loginBody": "{}", "capture": "token", "writePath": "/posts", "writeBody": "{\"text\":\"{marker}\"}",
          "readPath": "/me/posts", "authorization": "Bearer {session}", "fields": ["id"], "every": "2s", "readFor": "1500ms", "where": "look there" }
        """;

    private static string Manifest(string criterion) => ScenarioFolder.ValidManifest.Replace(
        """{ "name": "ok", "kind": "performance", "metric": "successRate", "op": ">=", "value": 0.99, "where": "look here" },""",
        """{ "name": "ok", "kind": "performance", "metric": "successRate", "op": ">=", "value": 0.99, "where": "look here" }, """ + criterion + ",",
        StringComparison.Ordinal);

    [Fact]
    public void A_complete_criterion_loads()
    {
        using var folder = new ScenarioFolder(manifest: Manifest(Criterion));

        var scenario = ManifestLoader.Load(folder.Path);

        Assert.Contains(scenario.Check.Criteria, c => c.Probe == "read-your-writes");
    }

    [Theory]
    [InlineData("\"writePath\": \"/posts\", ", "writePath")]
    [InlineData("\"readFor\": \"1500ms\"", "readFor")]
    public void A_missing_request_or_duration_is_named(string removed, string field)
    {
        using var folder = new ScenarioFolder(manifest: Manifest(Criterion.Replace(removed, "", StringComparison.Ordinal).Replace("\"2s\", ,", "\"2s\",", StringComparison.Ordinal)));

        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reading_for_longer_than_the_round_is_refused_with_why()
    {
        using var folder = new ScenarioFolder(manifest: Manifest(Criterion.Replace("\"1500ms\"", "\"3s\"", StringComparison.Ordinal)));

        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        Assert.Contains("readFor", error.Message, StringComparison.Ordinal);
        Assert.Contains("each round must finish reading before the next write", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_without_a_leading_slash_is_refused()
    {
        using var folder = new ScenarioFolder(manifest: Manifest(Criterion.Replace("\"readPath\": \"/me/posts\"", "\"readPath\": \"me/posts\"", StringComparison.Ordinal)));

        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        Assert.Contains("readPath", error.Message, StringComparison.Ordinal);
        Assert.Contains("starting with '/'", error.Message, StringComparison.Ordinal);
    }
}
