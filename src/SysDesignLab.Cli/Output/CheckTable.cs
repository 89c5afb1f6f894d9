using Spectre.Console;
using SysDesignLab.Scenarios.Checks;

namespace SysDesignLab.Cli.Output;

/// <summary>The check's verdict: one row per criterion, and where to look for each failure.</summary>
public static class CheckTable
{
    public static void Print(CheckReport report, IAnsiConsole? console = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        var output = console ?? AnsiConsole.Console;
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
        output.Write(table);
        var failed = report.Criteria.Where(c => !c.Passed).ToList();
        foreach (var c in failed)
        {
            output.MarkupLine(FailureLine(c));
        }
        PrintCrashLogs(report, output);
        if (report.Criteria.Any(c => c.Actual.Contains(CriterionEvaluator.NotCountedMarker, StringComparison.Ordinal)))
        {
            output.MarkupLine(Markup.Escape(
                $"Latency and per-request figures count only when at least {CriterionEvaluator.SuccessFloor:0%} of requests succeeded: " +
                "below that they describe the errors (a refused connection is fast), not your app's work. Fix the failures first."));
        }
        if (report.Baseline is { } b)
        {
            var floor = b.Goodput < CheckMetrics.BaselineGoodputFloor
                ? $" (counted as {CheckMetrics.BaselineGoodputFloor:0} req/s, so the ratio stays a number)"
                : "";
            output.MarkupLine(Markup.Escape(
                $"Naive baseline on this machine: {b.Goodput:0.0} successful req/s{floor}, p95 {b.LatencyMs.P95:0} ms. This run: {report.Load.Goodput:0.0} successful req/s, p95 {report.Load.LatencyMs.P95:0} ms."));
        }
        if (report.DbRowsPerRequest is { } rows)
        {
            var uncounted = report.Load.SuccessRate < CriterionEvaluator.SuccessFloor ? " (not counted: most requests failed)" : "";
            output.MarkupLine(Markup.Escape(
                $"Database: {rows:#,0} rows read per request, {report.PeakDbConnections ?? 0} connections at peak{uncounted}."));
        }
        if (report.Crashes is { Count: > 0 } crashes)
        {
            output.MarkupLine($"[red bold]CRASHED[/]: {Markup.Escape(crashes[0].Summary)}. Fix the crash first; the figures above measured requests to a dead app.");
        }
        else if (report.Passed)
        {
            output.MarkupLine($"[green bold]PASSED[/] in {report.DurationSeconds:0} s.");
        }
        else
        {
            output.MarkupLine($"[red bold]FAILED[/]: {failed.Count} of {report.Criteria.Count} criteria. Stuck? `sdlab hint {Markup.Escape(report.Scenario[..2])}`.");
        }
    }

    /// <summary>
    /// A failed criterion and the message chosen for what the run saw, led by the cause in a few words
    /// ("wrong bodies", "timeouts") so a learner sees at once which failure the advice is about.
    /// </summary>
    public static string FailureLine(CriterionResult c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var cause = FailureCauses.LabelOf(c.Cause) is { } label ? $" [grey]({Markup.Escape(label)})[/]" : "";
        return $"[red]✗[/] [bold]{Markup.Escape(c.Name)}[/]{cause}: {Markup.Escape(c.Where)}";
    }

    /// <summary>The end of each stopped process's log, which usually says why it stopped.</summary>
    private static void PrintCrashLogs(CheckReport report, IAnsiConsole output)
    {
        foreach (var crash in report.Crashes ?? [])
        {
            var lines = crash.LastLines.Count == 0 ? ": it is empty." : ":";
            output.MarkupLine(Markup.Escape($"Last lines of the log of {crash.Who} ({crash.Log}){lines}"));
            foreach (var line in crash.LastLines)
            {
                output.MarkupLine($"  [grey]│[/] {Markup.Escape(line)}");
            }
        }
    }
}
