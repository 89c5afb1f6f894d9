using System.Globalization;
using System.Text;

namespace SysDesignLab.Scenarios.Lab;

/// <summary>
/// The guide's "Your results" table in Markdown, filled from the lab's records (`sdlab report 01
/// --table`), so the learner pastes what the lab measured instead of copying numbers by hand.
/// </summary>
public static class ResultsTable
{
    public const string NotRecorded = "–";

    public static readonly string[] Columns =
        ["", "success", "goodput (ok req/s)", "failed requests", "req/s (all)", "p50", "p95", "p99", "rows read / request"];

    public static string Markdown(ScenarioRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var number = record.Scenario.Number;
        var text = new StringBuilder();
        text.AppendLine(Row(Columns));
        text.AppendLine(Row(Columns.Select(_ => "---")));
        text.AppendLine(record.Prediction is { } p
            ? Row([$"you expected ({Day(p.At)})", PredictionInput.Percent(p.SuccessRate), NotRecorded, NotRecorded, NotRecorded, NotRecorded, PredictionInput.Latency(p.P95Ms), NotRecorded, NotRecorded])
            : Row([$"you expected (`./sdlab predict {number}`)", .. Blank()]));
        text.AppendLine(record.Baseline is { } b
            ? Row([$"before: the naive app{(record.BaselineMeasuredAt is { } at ? $" ({Day(at)})" : "")}", .. Figures(b, rows: null)])
            : Row([$"before: the naive app (measured by your first `./sdlab check {number}`)", .. Blank()]));
        var latest = record.Latest;
        text.AppendLine(latest?.Figures is { } f
            ? Row([$"after: your app (check {record.Attempts.Count}, {Day(latest.Attempt.At)})", .. Figures(f, latest.Report!.DbRowsPerRequest)])
            : Row([$"after: your app (`./sdlab check {number}`)", .. Blank()]));
        text.AppendLine();
        if (latest?.Report is { } report)
        {
            var failed = report.Criteria.Count(c => !c.Passed);
            text.AppendLine(report.Passed
                ? $"Verdict of `./sdlab check {number}`: PASSED, every one of {report.Criteria.Count} criteria holds."
                : $"Verdict of `./sdlab check {number}`: FAILED, {failed} of {report.Criteria.Count} criteria.");
        }
        if (record.Prediction is { } prediction)
        {
            text.AppendLine($"Why you expected that: {prediction.Why}");
        }
        text.AppendLine($"{NotRecorded} not recorded. Goodput counts successful requests only; req/s counts failures too.");
        return text.ToString();
    }

    private static IEnumerable<string> Figures(RecordedFigures f, double? rows) =>
    [
        $"{f.SuccessRate * 100:0.0}%",
        f.Goodput.ToString("0.0", CultureInfo.InvariantCulture),
        f.FailedRequests is { } failed ? failed.ToString("#,0", CultureInfo.InvariantCulture) : NotRecorded,
        f.Rps.ToString("0.0", CultureInfo.InvariantCulture),
        Ms(f.P50Ms), Ms(f.P95Ms), Ms(f.P99Ms),
        rows is { } r ? r.ToString("#,0.#", CultureInfo.InvariantCulture) : NotRecorded,
    ];

    private static IEnumerable<string> Blank() => Columns.Skip(1).Select(_ => "");

    private static string Ms(double? ms) => ms is { } value ? PredictionInput.Latency(value) : NotRecorded;

    private static string Day(DateTimeOffset at) => at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Row(IEnumerable<string> cells) => "| " + string.Join(" | ", cells.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |";
}
