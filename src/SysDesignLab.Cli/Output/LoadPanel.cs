using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;
using SysDesignLab.LoadTesting;

namespace SysDesignLab.Cli.Output;

/// <summary>
/// The live panel of <c>sdlab load</c> in a terminal: progress, then the last second beside the measured part
/// so far (successful and failed requests apart, the success rate coloured by threshold), failures by kind
/// and the generator's own CPU. <see cref="Rows"/> is plain text so it can be tested.
/// </summary>
public static class LoadPanel
{
    private const int BarWidth = 30;
    private const string None = "—";

    /// <summary>
    /// One row per figure: name, last second, measured part so far (warm-up excluded). Successful and failed
    /// requests per second are apart (a timed-out request is no throughput), and a figure nothing measured
    /// yet shows "—", never a 0.0 ms no response took.
    /// </summary>
    public static IReadOnlyList<string[]> Rows(LoadProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var s = progress.Last;
        var answered = s is { Requests: > 0 };
        // Percentiles so far exist only once a measured request completed (ok or failed).
        var total = progress.Requests > 0 ? s?.Cumulative : null;
        var measuring = !progress.WarmingUp;
        List<string[]> rows =
        [
            ["ok req/s", s is null ? None : Number(OkRps(s)), measuring ? Number(progress.Goodput) : None],
            ["failed req/s", s is null ? None : Number(s.Rps - OkRps(s)), measuring ? Number(progress.FailedRps) : None],
            ["success", answered ? Percent(s!.SuccessRate) : None, progress.Requests > 0 ? Percent(progress.SuccessRate) : None],
            ["p50", Latency(s, s?.P50Ms), total is null ? None : Ms(total.P50)],
            ["p95", Latency(s, s?.P95Ms), total is null ? None : Ms(total.P95)],
            ["p99", Latency(s, s?.P99Ms), total is null ? None : Ms(total.P99)],
            ["failed", s is null ? None : Count(s.Errors.Total), measuring ? Count(progress.Errors.Total) : None],
        ];
        if (progress.OpenModel)
        {
            rows.Add(["late starts", s is null ? None : Count(s.LateStarts), measuring ? Count(progress.LateStarts) : None]);
        }

        return rows;
    }

    /// <summary>The colour of a success rate: green from 99% (what every check asks), amber from 90%, else red.</summary>
    public static string SuccessColour(double rate) => rate >= 0.99 ? "green" : rate >= 0.9 ? "yellow" : "red";

    /// <summary>A row's cell as markup: success rates by threshold, failures red when there are any.</summary>
    public static string Styled(string row, string cell, double? rate)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var text = Markup.Escape(cell);
        if (cell == None)
        {
            return $"[grey]{text}[/]";
        }
        return row switch
        {
            "success" when rate is { } r => $"[{SuccessColour(r)}]{text}[/]",
            "failed req/s" or "failed" when cell != "0" => $"[red]{text}[/]",
            "ok req/s" => $"[green]{text}[/]",
            _ => text,
        };
    }

    /// <summary>Errors of the measured part by kind, only the kinds that occurred, timeouts called timeouts.</summary>
    public static string ErrorsByKind(ErrorCounts errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        (long Count, string One, string Many)[] kinds =
        [
            (errors.Timeout, "timeout", "timeouts"), (errors.Connect, "connection error", "connection errors"),
            (errors.Reset, "reset", "resets"), (errors.ServerError, "5xx", "5xx"), (errors.ClientError, "4xx", "4xx"),
            (errors.WrongBody, "wrong body", "wrong bodies"), (errors.Other, "other", "other"),
        ];
        var present = kinds.Where(k => k.Count > 0).Select(k => $"{Count(k.Count)} {(k.Count == 1 ? k.One : k.Many)}").ToArray();
        return present.Length == 0 ? "none" : string.Join(", ", present);
    }

    /// <summary>Successful requests per second of one interval: its rate times its share that succeeded.</summary>
    public static double OkRps(LoadSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return sample.Requests == 0 ? 0 : sample.Rps * sample.Succeeded / sample.Requests;
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
        var last = progress.Last is { Requests: > 0 } answered ? answered.SuccessRate : (double?)null;
        var soFar = progress.Requests > 0 ? progress.SuccessRate : (double?)null;
        foreach (var row in Rows(progress))
        {
            table.AddRow(new Markup(Markup.Escape(row[0])), new Markup(Styled(row[0], row[1], last)), new Markup(Styled(row[0], row[2], soFar)));
        }

        var cpu = progress.Last?.CpuPercent ?? 0;
        var cpuLine = progress.Last is { CpuWarning: true }
            ? $"[yellow]generator CPU {cpu:0}% (above 85%): it may be the bottleneck, numbers suspect[/]"
            : $"[grey]generator CPU {cpu:0}%[/]";
        var errors = ErrorsByKind(progress.Errors);
        var errorLine = $"[grey]failed requests by kind:[/] {(progress.Errors.Total == 0 ? Markup.Escape(errors) : $"[red]{Markup.Escape(errors)}[/]")}";

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
