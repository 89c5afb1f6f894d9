using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using SysDesignLab.LoadTesting;

namespace SysDesignLab.Cli.Output;

/// <summary>
/// The live panel of <c>sdlab load</c> in a terminal: progress, then the last second beside the measured part
/// so far, errors by kind and the generator's own CPU. <see cref="Rows"/> is plain text so it can be tested.
/// </summary>
public static class LoadPanel
{
    private const int BarWidth = 30;
    private const string None = "—";

    /// <summary>One row per figure: name, last second, measured part so far (warm-up excluded).</summary>
    public static IReadOnlyList<string[]> Rows(LoadProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var s = progress.Last;
        var total = progress.Last?.Cumulative;
        var measuring = !progress.WarmingUp;
        List<string[]> rows =
        [
            ["req/s", s is null ? None : Number(s.Rps), measuring ? Number(progress.Rps) : None],
            ["success", s is { Requests: > 0 } ? Percent(s.SuccessRate) : None, progress.Requests > 0 ? Percent(progress.SuccessRate) : None],
            ["p50", Latency(s, s?.P50Ms), total is null ? None : Ms(total.P50)],
            ["p95", Latency(s, s?.P95Ms), total is null ? None : Ms(total.P95)],
            ["p99", Latency(s, s?.P99Ms), total is null ? None : Ms(total.P99)],
            ["errors", s is null ? None : Count(s.Errors.Total), measuring ? Count(progress.Errors.Total) : None],
        ];
        if (progress.OpenModel)
        {
            rows.Add(["late starts", s is null ? None : Count(s.LateStarts), measuring ? Count(progress.LateStarts) : None]);
        }

        return rows;
    }

    /// <summary>Errors of the measured part by kind, only the kinds that occurred.</summary>
    public static string ErrorsByKind(ErrorCounts errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        (long Count, string Kind)[] kinds =
        [
            (errors.Timeout, "timeout"), (errors.Connect, "connect"), (errors.Reset, "reset"), (errors.ServerError, "5xx"),
            (errors.ClientError, "4xx"), (errors.WrongBody, "wrong body"), (errors.Other, "other"),
        ];
        var present = kinds.Where(k => k.Count > 0).Select(k => $"{Count(k.Count)} {k.Kind}").ToArray();
        return present.Length == 0 ? "none" : string.Join(", ", present);
    }

    /// <summary>A text progress bar: filled cells for the elapsed fraction.</summary>
    public static string Bar(double fraction, int width = BarWidth)
    {
        var filled = (int)Math.Round(Math.Clamp(fraction, 0, 1) * width);
        return new string('━', filled) + new string('─', width - filled);
    }

    public static IRenderable Render(LoadProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var phase = progress.Last is null ? "starting" : progress.WarmingUp ? "warm-up (not measured)" : progress.Fraction >= 1 ? "done" : "measuring";
        var header = new Markup(
            $"[green]{Bar(progress.Fraction)}[/] {progress.Elapsed.TotalSeconds:0} s / {progress.Total.TotalSeconds:0} s  [grey]{phase}[/]");

        var table = new Table().Border(TableBorder.Simple).HideRowSeparators();
        table.AddColumn("").AddColumn(new TableColumn("last second").RightAligned()).AddColumn(new TableColumn("so far").RightAligned());
        foreach (var row in Rows(progress))
        {
            table.AddRow(row.Select(cell => new Markup(Markup.Escape(cell))).ToArray());
        }

        var cpu = progress.Last?.CpuPercent ?? 0;
        var cpuLine = progress.Last is { CpuWarning: true }
            ? $"[yellow]generator CPU {cpu:0}% (above 85%): it may be the bottleneck, numbers suspect[/]"
            : $"[grey]generator CPU {cpu:0}%[/]";
        var errorLine = $"[grey]errors by kind:[/] {Markup.Escape(ErrorsByKind(progress.Errors))}";

        return new Panel(new Rows(header, table, new Markup(errorLine), new Markup(cpuLine)))
            .Header("sdlab load")
            .Border(BoxBorder.Rounded);
    }

    private static string Latency(LoadSample? sample, double? ms) => sample is { Requests: > 0 } && ms is { } value ? Ms(value) : None;

    private static string Ms(double value) => value >= 1000
        ? (value / 1000).ToString("0.00 's'", CultureInfo.InvariantCulture)
        : value.ToString("0.0 'ms'", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("#,0", CultureInfo.InvariantCulture);

    private static string Percent(double rate) => (rate * 100).ToString("0.0'%'", CultureInfo.InvariantCulture);

    private static string Count(long value) => value.ToString("#,0", CultureInfo.InvariantCulture);
}
