using Spectre.Console;
using SysDesignLab.Scenarios.Checks;

namespace SysDesignLab.Cli.Output;

/// <summary>The check's verdict: one row per criterion, and where to look for each failure.</summary>
public static class CheckTable
{
    public static void Print(CheckReport report)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .Title($"Check of {Markup.Escape(report.Scenario)} ({Markup.Escape(report.App)})");
        table.AddColumn("criterion").AddColumn("kind").AddColumn("expected").AddColumn("actual").AddColumn("result");
        foreach (var c in report.Criteria)
        {
            table.AddRow(
                Markup.Escape(c.Name),
                Markup.Escape(c.Kind),
                Markup.Escape(c.Expected),
                Markup.Escape(c.Actual),
                c.Passed ? "[green]pass[/]" : "[red]FAIL[/]");
        }
        AnsiConsole.Write(table);
        var failed = report.Criteria.Where(c => !c.Passed).ToList();
        foreach (var c in failed)
        {
            AnsiConsole.MarkupLine($"[red]✗[/] [bold]{Markup.Escape(c.Name)}[/]: {Markup.Escape(c.Where)}");
        }
        if (report.Baseline is { } b)
        {
            AnsiConsole.MarkupLine(Markup.Escape(
                $"Naive baseline on this machine: {b.Goodput:0.0} successful req/s, p95 {b.LatencyMs.P95:0} ms. This run: {report.Load.Goodput:0.0} successful req/s, p95 {report.Load.LatencyMs.P95:0} ms."));
        }
        if (report.DbRowsPerRequest is { } rows)
        {
            AnsiConsole.MarkupLine(Markup.Escape(
                $"Database: {rows:#,0} rows read per request, {report.PeakDbConnections ?? 0} connections at peak."));
        }
        if (report.Passed)
        {
            AnsiConsole.MarkupLine($"[green bold]PASSED[/] in {report.DurationSeconds:0} s.");
        }
        else
        {
            AnsiConsole.MarkupLine($"[red bold]FAILED[/]: {failed.Count} of {report.Criteria.Count} criteria. Stuck? `sdlab hint {Markup.Escape(report.Scenario[..2])}`.");
        }
    }
}
