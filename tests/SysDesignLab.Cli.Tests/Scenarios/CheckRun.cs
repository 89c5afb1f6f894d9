using System.Text.Json;

namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>One `sdlab check --json` run through the real CLI: exit code, console output and the report.</summary>
internal sealed record CheckRun(int ExitCode, string Output, JsonElement Report, string Json)
{
    public static async Task<CheckRun> RunAsync(SdlabProcess sdlab, string scenarioId, string label, params string[] extra)
    {
        var path = Path.Combine(sdlab.StateRoot, $"{label}.json");
        SharedBaselines.Seed(sdlab.StateRoot, scenarioId);
        var result = await sdlab.RunAsync(["check", scenarioId, "--json", path, .. extra]);
        Assert.True(File.Exists(path), $"check wrote no JSON:\n{result.Output}");
        var text = File.ReadAllText(path);
        using var document = JsonDocument.Parse(text);
        // A baseline in the report that was not read from the store was measured by this check.
        var measuredBaseline = document.RootElement.TryGetProperty("baseline", out var baseline) && baseline.ValueKind == JsonValueKind.Object
            && !result.Output.Contains("Naive baseline on this machine (measured", StringComparison.Ordinal);
        SharedBaselines.Keep(sdlab.StateRoot, scenarioId, measuredBaseline);
        return new CheckRun(result.ExitCode, result.Output, document.RootElement.Clone(), text);
    }

    public IReadOnlyList<Criterion> Criteria() =>
        Report.GetProperty("criteria").EnumerateArray()
            .Select(c => new Criterion(c.GetProperty("name").GetString()!, c.GetProperty("kind").GetString()!,
                c.GetProperty("passed").GetBoolean(), c.TryGetProperty("where", out var w) ? w.GetString() ?? "" : "",
                c.TryGetProperty("actual", out var a) ? a.GetString() ?? "" : ""))
            .ToList();

    /// <summary>
    /// The number a criterion measured, read from its actual ("7 connections — not counted: …" → 7):
    /// what the app did, whether or not the figure counted towards the verdict.
    /// </summary>
    public double Measured(string name)
    {
        var actual = this[name].Actual;
        var number = new string(actual.TakeWhile(c => char.IsAsciiDigit(c) || c is '.' or ',').ToArray()).Replace(",", "", StringComparison.Ordinal);
        return double.TryParse(number, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new Xunit.Sdk.XunitException($"'{name}' measured no number: '{actual}'");
    }

    /// <summary>The criterion of that name; a renamed criterion fails here with the names the report has.</summary>
    public Criterion this[string name]
    {
        get
        {
            var all = Criteria();
            return all.FirstOrDefault(c => c.Name == name)
                ?? throw new Xunit.Sdk.XunitException($"no criterion '{name}' in the report; it has: {string.Join(", ", all.Select(c => c.Name))}");
        }
    }

    public sealed record Criterion(string Name, string Kind, bool Passed, string Where, string Actual = "");
}
