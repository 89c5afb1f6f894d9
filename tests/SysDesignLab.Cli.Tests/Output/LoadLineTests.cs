using Spectre.Console;
using SysDesignLab.Cli.Output;
using SysDesignLab.LoadTesting;

namespace SysDesignLab.Cli.Tests.Output;

public sealed class LoadLineTests
{
    private static LoadSample Sample(long requests, long succeeded, ErrorCounts errors) =>
        new(7, false, requests, succeeded, requests, requests == 0 ? 0 : (double)succeeded / requests, 4, 9, 12, errors);

    /// <summary>What a piped or CI run prints: the markup rendered without colour codes.</summary>
    private static string Plain(string markup)
    {
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 200;
        console.MarkupLine(markup);
        return writer.ToString().TrimEnd();
    }

    [Fact]
    public void A_line_splits_successful_and_failed_requests_and_names_the_timeouts()
    {
        var line = LoadLine.Line("load", Sample(100, 40, ErrorCounts.None with { Timeout = 60 }));

        Assert.Contains("[red]", line, StringComparison.Ordinal);
        var text = Plain(line);
        Assert.DoesNotContain("\u001b", text, StringComparison.Ordinal);
        Assert.Matches(@"^load\s+7s\s+40\s+60\s+40\.0%\s+4\.0 ms\s+9\.0 ms\s+12\.0 ms\s+60 timeouts$", text);
    }

    [Fact]
    public void A_clean_second_is_green_and_shows_no_failures()
    {
        var line = LoadLine.Line("load", Sample(200, 200, ErrorCounts.None));

        Assert.Contains("[green]", line, StringComparison.Ordinal);
        Assert.DoesNotContain("[red]", line, StringComparison.Ordinal);
        Assert.EndsWith(" 0", Plain(line), StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_without_responses_shows_dashes_not_zero_milliseconds()
    {
        var text = Plain(LoadLine.Line("load", Sample(0, 0, ErrorCounts.None)));

        Assert.DoesNotContain("0.0 ms", text, StringComparison.Ordinal);
        Assert.Contains("—", text, StringComparison.Ordinal);
        Assert.Contains("waiting for responses", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_names_the_columns_of_the_line()
    {
        var header = LoadLine.HeaderText();

        Assert.Contains("ok req/s", header, StringComparison.Ordinal);
        Assert.Contains("failed/s", header, StringComparison.Ordinal);
        Assert.Equal(header.IndexOf("success", StringComparison.Ordinal) + "success".Length,
            Plain(LoadLine.Line("load", Sample(100, 100, ErrorCounts.None))).IndexOf('%', StringComparison.Ordinal) + 1);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("false", false)]
    [InlineData("0", false)]
    [InlineData("true", true)]
    [InlineData("1", true)]
    public void CI_gets_plain_lines(string? ci, bool plain) => Assert.Equal(plain, LoadView.Plain(ci));
}
