using System.Globalization;
using Spectre.Console;
using SysDesignLab.LoadTesting;

namespace SysDesignLab.Cli.Output;

/// <summary>The live line printed once a second during a load run, and the final summary.</summary>
public static class LoadLine
{
    public static void Header() =>
        AnsiConsole.MarkupLine($"[grey]{"run",-9}{"time",4} {"req/s",9} {"success",9} {"p50",9} {"p95",9} {"p99",9} {"errors",8}[/]");

    public static void Print(string label, LoadSample s)
    {
        // The generator's own CPU: above ~85% it may be the bottleneck, so say so on the line it affects.
        var phase = (s.WarmUp ? "[grey]warm-up[/]" : "") + (s.CpuWarning ? $" [yellow]generator cpu {s.CpuPercent:0}%: numbers suspect[/]" : "");
        if (s.Requests == 0)
        {
            // Nothing completed this second: every user is still waiting for an answer.
            AnsiConsole.MarkupLine($"{Markup.Escape(label),-9}{s.Second,3}s {0,9} {"—",9} {"—",9} {"—",9} {"—",9} {"",8} [grey]waiting for responses[/] {phase}");
            return;
        }
        var colour = s.SuccessRate >= 0.99 ? "green" : s.SuccessRate >= 0.9 ? "yellow" : "red";
        AnsiConsole.MarkupLine(
            $"{Markup.Escape(label),-9}{s.Second,3}s {s.Rps,9:0} [{colour}]{s.SuccessRate * 100,8:0.0}%[/] {Ms(s.P50Ms)} {Ms(s.P95Ms)} {Ms(s.P99Ms)} {Errors(s.Errors),8} {phase}");
    }

    public static void Summary(LoadResult r)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("Load summary (warm-up excluded)");
        table.AddColumn("requests").AddColumn("success").AddColumn("req/s").AddColumn("ok req/s")
            .AddColumn("p50").AddColumn("p95").AddColumn("p99").AddColumn("max");
        table.AddRow(
            r.Requests.ToString("#,0", CultureInfo.InvariantCulture),
            $"{r.SuccessRate * 100:0.0}%",
            r.Rps.ToString("0.0", CultureInfo.InvariantCulture),
            r.Goodput.ToString("0.0", CultureInfo.InvariantCulture),
            Ms(r.LatencyMs.P50).Trim(), Ms(r.LatencyMs.P95).Trim(), Ms(r.LatencyMs.P99).Trim(), Ms(r.LatencyMs.Max).Trim());
        AnsiConsole.Write(table);
        if (r.Open is { } open)
        {
            var u = open.UncorrectedLatencyMs;
            AnsiConsole.MarkupLine(Markup.Escape(
                $"Open model: target {open.TargetRate:0.#} req/s, achieved {open.AchievedRate:0.#} req/s; late starts {open.LateStarts:#,0} (dropped {open.Dropped:#,0})"
                + (open.WarmUpSkipped > 0 ? $"; {open.WarmUpSkipped:#,0} left unsent by the warm-up were skipped" : "") + ". "
                + $"Latency above counts from the intended send time; from the actual send: p50 {Ms(u.P50).Trim()}, p95 {Ms(u.P95).Trim()}, p99 {Ms(u.P99).Trim()}, max {Ms(u.Max).Trim()}."));
        }
        if (r.CpuWarning)
        {
            AnsiConsole.MarkupLine($"[yellow]![/] The generator used {r.CpuPercent:0}% of the CPU: it may have been the bottleneck, so treat these numbers as suspect.");
        }
        var e = r.Errors;
        if (e.Total > 0)
        {
            AnsiConsole.MarkupLine(Markup.Escape(
                $"Errors: {e.Timeout} timeouts, {e.Connect} connect, {e.Reset} resets, {e.ServerError} 5xx, {e.ClientError} 4xx, {e.WrongBody} wrong body, {e.Other} other"));
        }
    }

    private static string Ms(double value) =>
        (value >= 1000 ? $"{value / 1000:0.00} s" : $"{value:0.0} ms").PadLeft(9);

    private static string Errors(ErrorCounts errors) => errors.Total == 0 ? "0" : errors.Total.ToString(CultureInfo.InvariantCulture);
}
