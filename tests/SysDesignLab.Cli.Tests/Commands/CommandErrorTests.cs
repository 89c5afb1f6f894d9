namespace SysDesignLab.Cli.Tests.Commands;

public sealed class CommandErrorTests
{
    [Fact]
    public async Task Unknown_scenario_exits_2_with_one_readable_message()
    {
        using var sdlab = new SdlabProcess();
        var result = await sdlab.RunAsync("check", "42");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("There is no scenario '42'", result.Output, StringComparison.Ordinal);
        Assert.Contains("01-single-server", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Load_without_a_running_scenario_says_how_to_start_it()
    {
        using var sdlab = new SdlabProcess();
        var result = await sdlab.RunAsync("load", "01");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("./sdlab start 01", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Solution_is_refused_until_the_first_check()
    {
        using var sdlab = new SdlabProcess();
        var result = await sdlab.RunAsync("solution", "01");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Not yet", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("diff --git", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hints_are_revealed_one_at_a_time_and_remembered()
    {
        using var sdlab = new SdlabProcess();
        var first = await sdlab.RunAsync("hint", "01");
        var second = await sdlab.RunAsync("hint", "single-server");
        Assert.Equal(0, first.ExitCode);
        Assert.Contains("Hint 1 of", first.Output, StringComparison.Ordinal);
        Assert.Contains("Hint 2 of", second.Output, StringComparison.Ordinal);
        var list = await sdlab.RunAsync("list");
        Assert.Contains("01-single-server", list.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Doctor_reports_postgres_as_present()
    {
        using var sdlab = new SdlabProcess();
        var result = await sdlab.RunAsync("doctor");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("PostgreSQL server", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("missing", result.Output, StringComparison.Ordinal);
    }
}
