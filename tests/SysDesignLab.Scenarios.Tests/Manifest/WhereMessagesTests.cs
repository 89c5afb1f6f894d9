using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Tests.Manifest;

public sealed class WhereMessagesTests
{
    private const string TextWhere = "\"where\": \"look here\"";

    private static string WithWhere(string where) =>
        ScenarioFolder.ValidManifest.Replace(TextWhere, "\"where\": " + where, StringComparison.Ordinal);

    [Fact]
    public void Where_as_one_text_loads_as_the_message_for_every_cause()
    {
        using var folder = new ScenarioFolder();

        var where = ManifestLoader.Load(folder.Path).Check.Criteria[0].Where;

        Assert.True(where.WrittenAsText);
        Assert.Equal("look here", where.Default);
        Assert.Equal("look here", (string)where);
    }

    [Fact]
    public void Where_with_a_message_per_cause_loads_each()
    {
        using var folder = new ScenarioFolder(manifest: WithWhere("{ \"timeouts\": \"too slow to answer\", \"wrongBody\": \"wrong pages\", \"default\": \"look\" }"));

        var where = ManifestLoader.Load(folder.Path).Check.Criteria[0].Where;

        Assert.False(where.WrittenAsText);
        Assert.Equal("too slow to answer", where.For("timeouts"));
        Assert.Equal("wrong pages", where.For("wrongBody"));
        Assert.Null(where.For("slow"));
        Assert.Equal("look", where.Default);
    }

    [Theory]
    [InlineData("{ \"timeout\": \"x\" }", "check.criteria[0].where.timeout", "is not a cause; expected one of crash, timeouts, wrongBody")]
    [InlineData("{ \"slow\": \"\" }", "check.criteria[0].where.slow", "empty")]
    [InlineData("{ }", "check.criteria[0].where", "empty")]
    [InlineData("\"\"", "check.criteria[0].where", "empty")]
    [InlineData("null", "check.criteria[0].where", "missing")]
    public void Unknown_or_empty_cause_is_a_manifest_error(string where, string field, string problem)
    {
        using var folder = new ScenarioFolder(manifest: WithWhere(where));

        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        Assert.Equal(field, error.Field);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Where_that_is_neither_text_nor_object_is_a_manifest_error()
    {
        using var folder = new ScenarioFolder(manifest: WithWhere("42"));

        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        Assert.Contains("must be a text, or an object with one text per cause", error.Message, StringComparison.Ordinal);
        Assert.Contains("where", error.Field, StringComparison.Ordinal);
    }

    [Fact]
    public void A_probe_with_messages_per_cause_needs_a_default()
    {
        var manifest = ScenarioFolder.ValidManifest.Replace("\"where\": \"look there\"", "\"where\": { \"timeouts\": \"x\" }", StringComparison.Ordinal);
        using var folder = new ScenarioFolder(manifest: manifest);

        var error = Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));

        Assert.Equal("check.criteria[1].where.default", error.Field);
    }

    [Fact]
    public void Where_round_trips_through_json_in_the_form_it_was_written()
    {
        var options = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        var text = new CriterionSpec { Name = "c", Where = "w" };
        var perCause = new CriterionSpec { Name = "c", Where = new WhereMessages(new Dictionary<string, string> { ["slow"] = "s" }) };

        Assert.Contains("\"where\":\"w\"", System.Text.Json.JsonSerializer.Serialize(text, options), StringComparison.Ordinal);
        Assert.Contains("\"where\":{\"slow\":\"s\"}", System.Text.Json.JsonSerializer.Serialize(perCause, options), StringComparison.Ordinal);
    }
}
