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

        Assert.Equal(["req/s", "3,000", "2,000"], rows[0]);
        Assert.Equal(["success", "100.0%", "99.8%"], rows[1]);
        Assert.Equal(["p50", "2.5 ms", "2.0 ms"], rows[2]);
        Assert.Equal(["p95", "9.8 ms", "8.0 ms"], rows[3]);
        Assert.Equal(["p99", "1.50 s", "12.0 ms"], rows[4]);
        Assert.Equal(["errors", "0", "10"], rows[5]);
        Assert.Equal(6, rows.Count);
        Assert.Equal("10 timeout", LoadPanel.ErrorsByKind(progress.Errors));
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

        Assert.Equal(["success", "—", "—"], rows[1]);
        Assert.Equal("—", rows[2][1]);
    }

    [Fact]
    public void Errors_by_kind_list_only_what_happened()
    {
        Assert.Equal("none", LoadPanel.ErrorsByKind(ErrorCounts.None));
        Assert.Equal("1,200 connect, 3 5xx, 1 wrong body",
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
