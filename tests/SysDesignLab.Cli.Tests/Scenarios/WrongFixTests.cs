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

        var check = await CheckRun.RunAsync(sdlab, "03", "wrong-fix");

        Assert.True(check.ExitCode == 1, check.Output);
        Assert.False(check["Peak connections to the database"].Passed, check.Output);
        Assert.Contains("max_connections", check.Output, StringComparison.Ordinal);
    }
}
