using Spectre.Console;
using SysDesignLab.Cli.Output;
using SysDesignLab.LoadTesting;
using SysDesignLab.Scenarios.Checks;

namespace SysDesignLab.Cli.Tests.Output;

public sealed class CheckTableTests
{
    private static string Printed(CheckReport report)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 400;
        CheckTable.Print(report, console);
        return writer.ToString();
    }

    [Fact]
    public void A_failed_criterion_shows_the_message_of_its_cause_led_by_the_cause()
    {
        var wrongBody = new CriterionResult("Success rate at 100 users", "performance", false, "≥ 99.0%", "0.0%",
            "Your app answers, but not with a page of the feed.") { Cause = "wrongBody" };
        var passed = new CriterionResult("Rows read", "right-way", true, "≤ 25,000", "20", "Let PostgreSQL page.");
        var load = new LoadFigures(2000, 0, 100, 0, new LatencyFigures(90, 184, 200, 250), ErrorCounts.None with { WrongBody = 2000 });
        var report = new CheckReport("01-single-server", "learner", false, [wrongBody, passed], load, null, null, null, DateTimeOffset.UnixEpoch, 60);

        var text = Printed(report);

        Assert.Contains("✗ Success rate at 100 users (wrong bodies): Your app answers, but not with a page of the feed.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Let PostgreSQL page.", text, StringComparison.Ordinal);
        Assert.Contains("FAILED: 1 of 2 criteria", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("timeouts", "(timeouts)")]
    [InlineData("crash", "(crash)")]
    [InlineData("slow", "(slow)")]
    [InlineData("connection", "(connection errors)")]
    [InlineData(null, "")]
    public void The_cause_is_named_in_a_few_words(string? cause, string label)
    {
        var line = CheckTable.FailureLine(new CriterionResult("p95", "performance", false, "≤ 500 ms", "5,010 ms", "look") { Cause = cause });

        Assert.Equal($"[red]✗[/] [bold]p95[/]{(label.Length == 0 ? "" : $" [grey]{label}[/]")}: look", line);
    }
}
