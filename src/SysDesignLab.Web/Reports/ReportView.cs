using System.Text;
using SysDesignLab.Scenarios.Checks;
using static SysDesignLab.Web.Html.Html;

namespace SysDesignLab.Web.Reports;

/// <summary>
/// The before/after report: naive baseline vs latest attempt as bar charts, the latest verdict per
/// criterion, and every attempt. One rendering for the scenario page and the exported file.
/// </summary>
public static class ReportView
{
    public static string Render(ReportData data)
    {
        var html = new StringBuilder("<div class=\"report\">");
        if (data.Latest is not { } latest)
        {
            html.Append("<p class=\"muted\" id=\"no-attempts\">No check yet. Press <b>Run check</b>: every check is kept here, and the first one unlocks the solution.</p></div>");
            return html.ToString();
        }
        var baseline = data.Baseline;
        html.Append($"<h3>Latest attempt: <span class=\"verdict {(latest.Passed ? "pass" : "fail")}\">{(latest.Passed ? "PASSED" : "FAILED")}</span> <span class=\"muted\">{E(latest.App)} app, {latest.At.ToUniversalTime():yyyy-MM-dd HH:mm} UTC</span></h3>");
        html.Append("<div class=\"charts-row\">");
        html.Append(SvgBarChart.Render("Latency", "ms", [
            new("p50", Known(baseline?.LatencyMs.P50), latest.Load.LatencyMs.P50),
            new("p95", Known(baseline?.LatencyMs.P95), latest.Load.LatencyMs.P95),
            new("p99", Known(baseline?.LatencyMs.P99), latest.Load.LatencyMs.P99),
        ], lowerIsBetter: true));
        html.Append(SvgBarChart.Render("Throughput", "req/s", [
            new("all", baseline?.Rps, latest.Load.Rps),
            new("successful", baseline?.Goodput, latest.Load.Goodput),
        ], lowerIsBetter: false));
        html.Append(SvgBarChart.Render("Success rate", "%", [
            new("success", baseline is null ? null : baseline.SuccessRate * 100, latest.Load.SuccessRate * 100),
        ], lowerIsBetter: false));
        html.Append("</div><p class=\"legend\"><span class=\"swatch before\"></span> naive baseline (this machine) <span class=\"swatch after\"></span> latest attempt</p>");
        html.Append(Criteria(latest));
        html.Append(AttemptsTable(data));
        html.Append("</div>");
        return html.ToString();
    }

    // A stored baseline keeps p95 only; the others come back as 0, which means "not measured".
    private static double? Known(double? value) => value is > 0 ? value : null;

    private static string Criteria(CheckReport report)
    {
        var rows = string.Concat(report.Criteria.Select(c => $"""
            <tr class="{(c.Passed ? "pass" : "fail")}"><td>{E(c.Name)}</td><td>{E(c.Kind)}</td><td>{E(c.Expected)}</td><td>{E(c.Actual)}</td><td class="verdict">{(c.Passed ? "pass" : "FAIL")}</td></tr>
            {(c.Passed ? "" : $"<tr class=\"where\"><td colspan=\"5\">{E(c.Where)}</td></tr>")}
            """));
        return $"""
            <table class="verdicts" id="verdicts"><caption>Criteria of the latest attempt</caption>
            <thead><tr><th>criterion</th><th>kind</th><th>expected</th><th>actual</th><th>result</th></tr></thead>
            <tbody>{rows}</tbody></table>
            """;
    }

    private static string AttemptsTable(ReportData data)
    {
        var rows = new StringBuilder();
        var number = 0;
        foreach (var (attempt, report) in data.Attempts)
        {
            number++;
            rows.Append($"<tr class=\"{(attempt.Passed ? "pass" : "fail")}\"><td>{number}</td><td>{attempt.At.ToUniversalTime():yyyy-MM-dd HH:mm}</td><td class=\"verdict\">{(attempt.Passed ? "pass" : "FAIL")}</td>");
            rows.Append(report is null
                ? "<td colspan=\"5\" class=\"muted\">(recorded by another version)</td>"
                : $"<td>{report.Criteria.Count(c => c.Passed)}/{report.Criteria.Count}</td><td>{N(report.Load.Rps)}</td><td>{Percent(report.Load.SuccessRate)}</td><td>{Ms(report.Load.LatencyMs.P95)}</td><td>{Ms(report.Load.LatencyMs.P99)}</td>");
            rows.Append("</tr>");
        }
        return $"""
            <table class="attempts" id="attempts-table"><caption>Every attempt</caption>
            <thead><tr><th>#</th><th>when (UTC)</th><th>result</th><th>criteria</th><th>req/s</th><th>success</th><th>p95</th><th>p99</th></tr></thead>
            <tbody>{rows}</tbody></table>
            """;
    }
}
