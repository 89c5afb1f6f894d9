using System.Text.Json;

namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>
/// Plausible wrong fixes a learner might try (each named in the scenario's "Stuck?" table) fail
/// the check, and the failing criteria point at the real problem.
/// </summary>
[Trait("Category", "Scenario")]
[Collection(ScenarioChecksCollection.Name)]
public sealed class WrongFixTests
{
    [Fact]
    public async Task Connection_pooling_with_a_huge_pool_fails_on_the_connection_budget()
    {
        using var copy = new RepositoryCopy("03-connection-pooling");
        copy.Edit(Path.Combine("app", "Program.cs"), "{ Pooling = false }", "{ Pooling = true, MaxPoolSize = 500 }");
        using var sdlab = new SdlabProcess(copy.Root);
        var json = Path.Combine(sdlab.StateRoot, "wrong-fix.json");

        var result = await sdlab.RunAsync("check", "03", "--json", json);

        Assert.True(result.ExitCode == 1, result.Output);
        using var report = JsonDocument.Parse(File.ReadAllText(json));
        var failed = report.RootElement.GetProperty("criteria").EnumerateArray()
            .Where(c => !c.GetProperty("passed").GetBoolean())
            .Select(c => c.GetProperty("name").GetString())
            .ToList();
        Assert.Contains("Peak connections to the database", failed);
        Assert.Contains("max_connections", result.Output, StringComparison.Ordinal);
    }
}
