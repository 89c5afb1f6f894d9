using SysDesignLab.Cli.Commands;
using SysDesignLab.Scenarios.Lab;

namespace SysDesignLab.Cli.Tests.Commands;

/// <summary>Predict, then run: `sdlab predict` with flags or prompts, and never a prompt without a terminal.</summary>
public sealed class PredictCommandTests
{
    [Fact]
    public async Task A_prediction_given_by_flags_is_recorded_and_fills_the_results_table()
    {
        using var sdlab = new SdlabProcess();

        var predicted = await sdlab.RunAsync("predict", "01", "--success", "95%", "--p95", "200ms", "--why", "it is a small app");
        var shown = await sdlab.RunAsync("predict", "01");
        var table = await sdlab.RunAsync("report", "01", "--table");

        Assert.Equal(0, predicted.ExitCode);
        Assert.Contains("Recorded: you expect 95% success and p95 200 ms with 100 users", predicted.Output, StringComparison.Ordinal);
        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("95% success, p95 200 ms, because it is a small app", shown.Output, StringComparison.Ordinal);
        Assert.Equal(0, table.ExitCode);
        Assert.Contains("| 95% | – | – | – | – | 200 ms | – | – |", table.Output, StringComparison.Ordinal);
        Assert.Contains("Why you expected that: it is a small app", table.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_terminal_a_missing_answer_is_one_error_not_a_prompt()
    {
        using var sdlab = new SdlabProcess();

        // stdin is redirected (and closed) here: a prompt would fail or hang, so none may be shown.
        var result = await sdlab.RunAsync("predict", "01", "--success", "95%");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("There is no terminal to ask on", result.Output, StringComparison.Ordinal);
        Assert.Contains("--p95 200ms", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Success rate (e.g.", result.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("150%", "200ms", "not between 0% and 100%")]
    [InlineData("95%", "200", "needs a number and a unit")]
    [InlineData("95%", "0s", "must be more than 0")]
    public async Task An_unreadable_prediction_is_one_clear_line_and_nothing_is_kept(string success, string p95, string message)
    {
        using var sdlab = new SdlabProcess();

        var result = await sdlab.RunAsync("predict", "01", "--success", success, "--p95", p95, "--why", "a guess");
        var table = await sdlab.RunAsync("report", "01", "--table");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.Contains("`./sdlab predict 01`", table.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false, null, true)]
    [InlineData(false, "false", true)]
    [InlineData(true, null, false)]
    [InlineData(false, "true", false)]
    [InlineData(false, "1", false)]
    public void The_lab_asks_only_at_a_terminal_outside_ci(bool inputRedirected, string? ci, bool asks) =>
        Assert.Equal(asks, PredictCommand.CanAsk(inputRedirected, ci));

    [Fact]
    public void A_pass_points_to_the_guides_questions_and_the_next_scenario()
    {
        var text = CheckCommand.NextStepText("scenarios/01-single-server/SCENARIO.md",
            new NextStep("/repo/scenarios/01-single-server/SCENARIO.md", "Your results", "02-indexes"), predicted: true, "01");
        var last = CheckCommand.NextStepText("scenarios/04-x/SCENARIO.md", new NextStep("/x", "Reflect", null), predicted: false, "04");

        Assert.Equal(
            "Next: answer the questions in scenarios/01-single-server/SCENARIO.md, section \"Your results\".\n"
            + "  `./sdlab report 01 --table` fills its results table, your prediction included.\n"
            + "Then the next scenario: ./sdlab start 02", text);
        Assert.EndsWith("That was the last scenario: well done.", last, StringComparison.Ordinal);
    }
}
