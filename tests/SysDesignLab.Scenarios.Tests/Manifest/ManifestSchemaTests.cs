using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Tests.Manifest;

public sealed class ManifestSchemaTests
{
    private static readonly string Root = LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!;
    private static readonly string SchemaFile = Path.Combine(Root, ManifestSchema.FilePath);

    // What editors use is the file, so the manifests are checked against it; the first test ties it to the types.
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(File.ReadAllText(SchemaFile)));

    public static TheoryData<string> Scenarios() => new(
        Directory.GetDirectories(Path.Combine(Root, "scenarios"))
            .Where(d => File.Exists(Path.Combine(d, ManifestLoader.FileName)))
            .Select(d => Path.GetFileName(d))
            .Order(StringComparer.Ordinal));

    [Fact]
    public void Schema_file_matches_the_manifest_types()
    {
        var generated = ManifestSchema.Generate();
        var written = File.Exists(SchemaFile) ? File.ReadAllText(SchemaFile).ReplaceLineEndings("\n") : "";
        if (generated == written)
        {
            return;
        }
        var writtenLines = written.Split('\n');
        var generatedLines = generated.Split('\n');
        var line = Enumerable.Range(0, Math.Min(writtenLines.Length, generatedLines.Length))
            .FirstOrDefault(i => writtenLines[i] != generatedLines[i], Math.Min(writtenLines.Length, generatedLines.Length));
        Assert.Fail(
            $"{ManifestSchema.FilePath} is out of date with the manifest types: regenerate it with `{ManifestSchema.RegenerateCommand}` " +
            $"and commit it. First difference at line {line + 1}: " +
            $"file `{writtenLines.ElementAtOrDefault(line)?.Trim()}`, types `{generatedLines.ElementAtOrDefault(line)?.Trim()}`.");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_manifest_is_valid_against_the_schema(string scenario)
    {
        var problems = Problems(File.ReadAllText(Path.Combine(Root, "scenarios", scenario, ManifestLoader.FileName)));
        Assert.True(problems.Count == 0, $"{scenario}/scenario.json: {string.Join("; ", problems)}");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Scenario_manifest_schema_path_resolves_to_the_docs_file(string scenario)
    {
        var directory = Path.Combine(Root, "scenarios", scenario);
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(directory, ManifestLoader.FileName)), documentOptions: JsonOptions)!;
        var reference = manifest["$schema"]?.GetValue<string>();
        Assert.Equal("../../" + ManifestSchema.FilePath, reference);
        Assert.Equal(SchemaFile, Path.GetFullPath(Path.Combine(directory, reference!)));
        Assert.True(File.Exists(SchemaFile), $"{ManifestSchema.FilePath} is missing: {ManifestSchema.RegenerateCommand}");
    }

    [Theory]
    [InlineData("\"order\": 1", "\"ordr\": 1", "/ordr")]
    [InlineData("\"seed\": \"db/seed.sql\"", "\"sed\": \"db/seed.sql\"", "/database/sed")]
    [InlineData("\"expect\": { \"status\": 200 }", "\"expect\": { \"stauts\": 200 }", "/load/endpoints/0/expect/stauts")]
    [InlineData("\"where\": \"look there\"", "\"were\": \"look there\"", "/check/criteria/1/were")]
    public void Misspelled_property_fails_schema_validation_as_it_fails_loading(string valid, string misspelled, string location)
    {
        Assert.Empty(Problems(ScenarioFolder.ValidManifest));
        Assert.Contains(valid, ScenarioFolder.ValidManifest, StringComparison.Ordinal);
        var manifest = ScenarioFolder.ValidManifest.Replace(valid, misspelled, StringComparison.Ordinal);

        Assert.Contains(Problems(manifest), p => p.StartsWith(location + ":", StringComparison.Ordinal));
        using var folder = new ScenarioFolder(manifest: manifest);
        Assert.Throws<ManifestException>(() => ManifestLoader.Load(folder.Path));
    }

    [Theory]
    [InlineData("\"tier\": \"crawling\"", "\"tier\": \"flying\"", "/tier")]
    [InlineData("\"op\": \">=\"", "\"op\": \"=>\"", "/check/criteria/0/op")]
    [InlineData("\"kind\": \"performance\"", "\"kind\": \"speed\"", "/check/criteria/0/kind")]
    [InlineData("\"title\": \"Test scenario\"", "\"title\": \"\"", "/title")]
    [InlineData("\"hints\": [\"one\", \"two\"]", "\"hints\": []", "/hints")]
    [InlineData("\"load\": { \"users\": 10", "\"load\": { \"users\": 0", "/load/users")]
    public void Value_outside_a_closed_vocabulary_or_an_empty_required_field_fails(string valid, string broken, string location)
    {
        Assert.Contains(valid, ScenarioFolder.ValidManifest, StringComparison.Ordinal);
        var problems = Problems(ScenarioFolder.ValidManifest.Replace(valid, broken, StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith(location + ":", StringComparison.Ordinal));
    }

    [Fact]
    public void Where_takes_a_text_or_an_object_of_known_causes()
    {
        static string With(string where) => ScenarioFolder.ValidManifest.Replace("\"where\": \"look here\"", "\"where\": " + where, StringComparison.Ordinal);

        Assert.Empty(Problems(With("{ \"timeouts\": \"t\", \"wrongBody\": \"w\", \"slow\": \"s\", \"default\": \"d\" }")));
        Assert.NotEmpty(Problems(With("{ \"timeout\": \"t\" }")));
        Assert.NotEmpty(Problems(With("{ }")));
        Assert.NotEmpty(Problems(With("42")));
    }

    [Theory]
    [InlineData("\"kind\": \"postgres\"", "\"kind\": \"redis\"")]
    [InlineData("\"probe\": \"sql-ground-truth\"", "\"probe\": \"plugin-probe\"")]
    [InlineData("\"metric\": \"successRate\"", "\"metric\": \"pluginMetric\"")]
    public void Open_vocabularies_take_a_new_name(string valid, string newName)
    {
        // Resource kinds and probes are registered by name; the schema only suggests the known ones.
        Assert.Contains(valid, ScenarioFolder.ValidManifest, StringComparison.Ordinal);
        Assert.Empty(Problems(ScenarioFolder.ValidManifest.Replace(valid, newName, StringComparison.Ordinal)));
    }

    [Fact]
    public void Missing_required_field_fails_but_a_missing_endpoint_name_only_in_a_list()
    {
        var withoutTitle = ScenarioFolder.ValidManifest.Replace("\"title\": \"Test scenario\",", "", StringComparison.Ordinal);
        Assert.Contains(Problems(withoutTitle), p => p.Contains("title", StringComparison.Ordinal));

        var unnamedEndpoint = ScenarioFolder.ValidManifest.Replace("{ \"name\": \"feed\", ", "{ ", StringComparison.Ordinal);
        Assert.Contains(Problems(unnamedEndpoint), p => p.StartsWith("/load/endpoints/0:", StringComparison.Ordinal));

        // A login's name defaults to "login".
        var withLogin = ScenarioFolder.ValidManifest.Replace(
            "\"timeout\": \"2s\",\n",
            "\"timeout\": \"2s\", \"session\": { \"login\": { \"method\": \"POST\", \"path\": \"/login\" }, \"capture\": \"token\" },\n",
            StringComparison.Ordinal);
        Assert.Contains("\"session\"", withLogin, StringComparison.Ordinal);
        Assert.Empty(Problems(withLogin));
    }

    [Fact]
    public void Every_manifest_type_and_property_has_a_description()
    {
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        FindUndescribed(JsonNode.Parse(ManifestSchema.Generate())!, "", missing);
        Assert.True(missing.Count == 0,
            $"Add [Description(\"...\")], plain and short for a scenario author, to what these schema places come from: {string.Join(", ", missing)}");
    }

    private static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    /// <summary>"instance location: error" for each failed keyword; empty when the manifest is valid.</summary>
    private static List<string> Problems(string manifest)
    {
        using var document = JsonDocument.Parse(manifest, JsonOptions);
        var results = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid)
        {
            return [];
        }
        return [.. (results.Details ?? []).Prepend(results)
            .Where(r => r.Errors is { Count: > 0 })
            .SelectMany(r => r.Errors!.Select(e => $"{r.InstanceLocation}: {(e.Key.Length > 0 ? $"{e.Key}: " : "")}{e.Value}"))];
    }

    private static void FindUndescribed(JsonNode node, string at, ISet<string> missing)
    {
        if (node is not JsonObject schema)
        {
            return;
        }
        if (schema["properties"] is JsonObject properties)
        {
            if (!schema.ContainsKey("description"))
            {
                missing.Add(at.Length == 0 ? "(the manifest)" : at);
            }
            foreach (var (name, property) in properties)
            {
                if (property is JsonObject described && !described.ContainsKey("description"))
                {
                    missing.Add($"{at}/{name}");
                }
                FindUndescribed(property!, $"{at}/{name}", missing);
            }
        }
        if (schema["items"] is { } items)
        {
            FindUndescribed(items, $"{at}[]", missing);
        }
    }
}
