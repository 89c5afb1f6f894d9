using System.Globalization;
using Spectre.Console;
using SysDesignLab.LoadTesting;

namespace SysDesignLab.Cli.Output;

/// <summary>
/// The line printed once a second during a load run when there is no live panel (piped, CI), and the
/// final summary. Successful and failed requests per second are apart: a timed-out request is no throughput.
/// </summary>
public static class LoadLine
{
    /// <summary>
    /// Where the lines go: the terminal, or plain text without colour codes in CI (a CI log shows
    /// escape codes as garbage, and Spectre only drops them by itself when the output is redirected).
    /// </summary>
    public static IAnsiConsole Console { get; } = LoadView.Plain(Environment.GetEnvironmentVariable("CI"))
        ? AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(System.Console.Out),
        })
        : AnsiConsole.Console;

    public static void Header() => Console.MarkupLine($"[grey]{Markup.Escape(HeaderText())}[/]");

    /// <summary>The column titles, aligned with <see cref="Line"/>.</summary>
    public static string HeaderText() =>
        $"{"run",-9}{"time",4} {"ok req/s",9} {"failed/s",9} {"success",9} {"p50",9} {"p95",9} {"p99",9}  failed";

    public static void Print(string label, LoadSample s) => Console.MarkupLine(Line(label, s));

    /// <summary>One second as markup: the success rate coloured by threshold, failures red and named by kind.</summary>
    public static string Line(string label, LoadSample s)
    {
        ArgumentNullException.ThrowIfNull(s);
        // The generator's own CPU: above ~85% it may be the bottleneck, so say so on the line it affects.
        var phase = (s.WarmUp ? " [grey]warm-up[/]" : "") + (s.CpuWarning ? $" [yellow]generator cpu {s.CpuPercent:0}%: numbers suspect[/]" : "");
        var name = Markup.Escape(label.Length >= 9 ? label : label.PadRight(9));
        if (s.Requests == 0)
        {
            // Nothing completed this second: every user is still waiting for an answer.
            return $"{name}{s.Second,3}s {0,9} {0,9} {"—",9} {"—",9} {"—",9} {"—",9}  [grey]waiting for responses[/]{phase}";
        }
        var ok = LoadPanel.OkRps(s);
        var failed = s.Rps - ok;
        var failedCell = failed >= 0.5 ? $"[red]{failed,9:0}[/]" : $"{failed,9:0}";
        var failures = s.Errors.Total == 0 ? "0" : $"[red]{Markup.Escape(LoadPanel.ErrorsByKind(s.Errors))}[/]";
        return $"{name}{s.Second,3}s {ok,9:0} {failedCell} [{LoadPanel.SuccessColour(s.SuccessRate)}]{s.SuccessRate * 100,8:0.0}%[/] " +
            $"{Ms(s.P50Ms)} {Ms(s.P95Ms)} {Ms(s.P99Ms)}  {failures}{phase}";
    }

    public static void Summary(LoadResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var table = new Table().Border(TableBorder.Rounded).Title("Load summary (warm-up excluded)");
        table.AddColumn("requests").AddColumn("success").AddColumn("ok req/s").AddColumn("failed req/s")
            .AddColumn("p50").AddColumn("p95").AddColumn("p99").AddColumn("max");
        // No completed request, no latency: "—" rather than a 0.0 ms nothing took.
        string Latency(double ms) => r.Requests > 0 ? Ms(ms).Trim() : "—";
        var failedRps = Math.Max(0, r.Rps - r.Goodput);
        table.AddRow(
            r.Requests.ToString("#,0", CultureInfo.InvariantCulture),
            r.Requests == 0 ? "—" : $"[{LoadPanel.SuccessColour(r.SuccessRate)}]{r.SuccessRate * 100:0.0}%[/]",
            r.Goodput.ToString("0.0", CultureInfo.InvariantCulture),
            failedRps >= 0.05 ? $"[red]{failedRps.ToString("0.0", CultureInfo.InvariantCulture)}[/]" : failedRps.ToString("0.0", CultureInfo.InvariantCulture),
            Latency(r.LatencyMs.P50), Latency(r.LatencyMs.P95), Latency(r.LatencyMs.P99), Latency(r.LatencyMs.Max));
        Console.Write(table);
        if (r.Open is { } open)
        {
            var u = open.UncorrectedLatencyMs;
            Console.MarkupLine(Markup.Escape(
                $"Open model: target {open.TargetRate:0.#} req/s, achieved {open.AchievedRate:0.#} req/s; late starts {open.LateStarts:#,0} (dropped {open.Dropped:#,0})"
                + (open.WarmUpSkipped > 0 ? $"; {open.WarmUpSkipped:#,0} left unsent by the warm-up were skipped" : "") + ". "
                + $"Latency above counts from the intended send time; from the actual send: p50 {Ms(u.P50).Trim()}, p95 {Ms(u.P95).Trim()}, p99 {Ms(u.P99).Trim()}, max {Ms(u.Max).Trim()}."));
        }
        if (r.CpuWarning)
        {
            Console.MarkupLine($"[yellow]![/] The generator used {r.CpuPercent:0}% of the CPU: it may have been the bottleneck, so treat these numbers as suspect.");
        }
        var e = r.Errors;
        if (e.Total > 0)
        {
            Console.MarkupLine($"[red]Failed requests:[/] {Markup.Escape(LoadPanel.ErrorsByKind(e))}");
        }
    }

    private static string Ms(double value) =>
        (value >= 1000 ? $"{value / 1000:0.00} s" : $"{value:0.0} ms").PadLeft(9);
}
