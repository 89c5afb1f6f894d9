using Spectre.Console;
using SysDesignLab.Cli.Output;
using SysDesignLab.LoadTesting;

namespace SysDesignLab.Cli.Tests.Output;

public sealed class LoadPanelTests
{
    private static LoadSample Sample(int second, bool warmUp, long requests, long succeeded, double rps, ErrorCounts errors, LatencySummary? cumulative) =>
        new(second, warmUp, requests, succeeded, rps, requests == 0 ? 0 : (double)succeeded / requests, 2.5, 9.75, 1500, errors)
        {
            CpuPercent = 40,
            Cumulative = cumulative,
        };

    [Fact]
    public void Rows_show_the_last_second_beside_the_measured_part_so_far()
    {
        var progress = new LoadProgress(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(4), openModel: false);
        progress.Add(Sample(1, warmUp: true, 500, 500, 500, ErrorCounts.None, null));
        progress.Add(Sample(2, warmUp: false, 1000, 990, 1000, ErrorCounts.None with { Timeout = 10 }, new LatencySummary(3, 10, 20, 30, 4)));
        progress.Add(Sample(3, warmUp: false, 3000, 3000, 3000, ErrorCounts.None, new LatencySummary(2, 8, 12, 30, 3)));

        var rows = LoadPanel.Rows(progress);

        // Successful and failed apart: 3,990 of 4,000 measured requests in 2 s succeeded.
        Assert.Equal(["ok req/s", "3,000", "1,995"], rows[0]);
        Assert.Equal(["failed req/s", "0", "5"], rows[1]);
        Assert.Equal(["success", "100.0%", "99.8%"], rows[2]);
        Assert.Equal(["p50", "2.5 ms", "2.0 ms"], rows[3]);
        Assert.Equal(["p95", "9.8 ms", "8.0 ms"], rows[4]);
        Assert.Equal(["p99", "1.50 s", "12.0 ms"], rows[5]);
        Assert.Equal(["failed", "0", "10"], rows[6]);
        Assert.Equal(7, rows.Count);
        Assert.Equal("10 timeouts", LoadPanel.ErrorsByKind(progress.Errors));
        Assert.Equal(0.6, progress.Fraction, 3);
    }

    [Fact]
    public void During_the_warm_up_nothing_counts_as_measured()
    {
        var progress = new LoadProgress(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(8), openModel: true);
        progress.Add(Sample(1, warmUp: true, 100, 100, 100, ErrorCounts.None, null) with { LateStarts = 7 });

        var rows = LoadPanel.Rows(progress);

        Assert.True(progress.WarmingUp);
        Assert.All(rows, row => Assert.Equal("—", row[2]));
        Assert.Equal(["late starts", "7", "—"], rows[^1]);
        Assert.Equal(0, progress.Requests);
    }

    [Fact]
    public void A_second_with_no_response_shows_no_percentiles()
    {
        var progress = new LoadProgress(TimeSpan.Zero, TimeSpan.FromSeconds(5), openModel: false);
        progress.Add(Sample(1, warmUp: false, 0, 0, 0, ErrorCounts.None, LatencySummary.Zero));

        var rows = LoadPanel.Rows(progress);

        Assert.Equal(["success", "—", "—"], rows[2]);
        // No response yet: no percentile, neither this second nor so far (not 0.0 ms).
        Assert.All(rows.Skip(3).Take(3), row => Assert.Equal(["—", "—"], row[1..]));
    }

    [Fact]
    public void Timeouts_are_failed_requests_not_throughput()
    {
        // Naive 01 at 100 users: every 5 s a hundred requests time out at once, and nothing succeeds.
        var progress = new LoadProgress(TimeSpan.Zero, TimeSpan.FromSeconds(10), openModel: false);
        progress.Add(Sample(5, warmUp: false, 100, 0, 100, ErrorCounts.None with { Timeout = 100 }, new LatencySummary(5003, 5010, 5015, 5020, 5004)));

        var rows = LoadPanel.Rows(progress);

        Assert.Equal(["ok req/s", "0", "0"], rows[0]);
        Assert.Equal(["failed req/s", "100", "100"], rows[1]);
        Assert.Equal(["success", "0.0%", "0.0%"], rows[2]);
        Assert.Equal("100 timeouts", LoadPanel.ErrorsByKind(progress.Errors));
    }

    [Theory]
    [InlineData(1.0, "green")]
    [InlineData(0.99, "green")]
    [InlineData(0.95, "yellow")]
    [InlineData(0.9, "yellow")]
    [InlineData(0.42, "red")]
    public void Success_rate_is_coloured_by_threshold(double rate, string colour) => Assert.Equal(colour, LoadPanel.SuccessColour(rate));

    [Fact]
    public void Cells_are_styled_by_what_they_say()
    {
        Assert.Equal("[red]42.0%[/]", LoadPanel.Styled("success", "42.0%", 0.42));
        Assert.Equal("[red]100[/]", LoadPanel.Styled("failed req/s", "100", null));
        Assert.Equal("0", LoadPanel.Styled("failed", "0", null));
        Assert.Equal("[grey]—[/]", LoadPanel.Styled("p95", "—", null));
        Assert.Equal("5.00 s", LoadPanel.Styled("p95", "5.00 s", null));
    }

    [Fact]
    public void Panel_in_colour_shows_the_failures_in_red()
    {
        var progress = new LoadProgress(TimeSpan.Zero, TimeSpan.FromSeconds(10), openModel: false);
        progress.Add(Sample(5, warmUp: false, 100, 0, 100, ErrorCounts.None with { Timeout = 100 }, new LatencySummary(5003, 5010, 5015, 5020, 5004)));
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.Standard,
        });
        console.Profile.Width = 100;

        console.Write(LoadPanel.Render(progress));

        var text = writer.ToString();
        // Red (SGR 31 or bright 91) around the 0.0% success and the timeouts.
        Assert.Matches(@"\u001b\[(31|91)m *0\.0%", text);
        Assert.Matches(@"\u001b\[(31|91)m100 timeouts", text);
    }

    [Fact]
    public void Errors_by_kind_list_only_what_happened()
    {
        Assert.Equal("none", LoadPanel.ErrorsByKind(ErrorCounts.None));
        Assert.Equal("1,200 connection errors, 3 5xx, 1 wrong body",
            LoadPanel.ErrorsByKind(ErrorCounts.None with { Connect = 1200, ServerError = 3, WrongBody = 1 }));
    }

    [Theory]
    [InlineData(0, "──────────")]
    [InlineData(0.5, "━━━━━─────")]
    [InlineData(1.7, "━━━━━━━━━━")]
    public void Bar_fills_the_elapsed_fraction(double fraction, string expected) => Assert.Equal(expected, LoadPanel.Bar(fraction, 10));

    [Theory]
    [InlineData(false, true, null, true)]
    [InlineData(false, true, "false", true)]
    [InlineData(false, true, "true", false)]
    [InlineData(true, true, null, false)]
    [InlineData(false, false, null, false)]
    public void Live_panel_only_in_an_interactive_terminal_outside_CI(bool redirected, bool interactive, string? ci, bool live) =>
        Assert.Equal(live, LoadView.UseLive(redirected, interactive, ci));

    [Fact]
    public void Panel_renders_with_the_cpu_warning()
    {
        var progress = new LoadProgress(TimeSpan.Zero, TimeSpan.FromSeconds(2), openModel: false);
        progress.Add(Sample(1, warmUp: false, 10, 10, 10, ErrorCounts.None, LatencySummary.Zero) with { CpuPercent = 92 });
        using var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 100;

        console.Write(LoadPanel.Render(progress));

        var text = writer.ToString();
        Assert.Contains("generator CPU 92%", text, StringComparison.Ordinal);
        Assert.Contains("numbers suspect", text, StringComparison.Ordinal);
        Assert.Contains("1 s / 2 s", text, StringComparison.Ordinal);
        Assert.Contains("last second", text, StringComparison.Ordinal);
    }
}
