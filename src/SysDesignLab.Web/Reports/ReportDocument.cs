using static SysDesignLab.Web.Html.Html;

namespace SysDesignLab.Web.Reports;

/// <summary>`sdlab report`: the before/after report as one HTML file with everything inline, to share as it is.</summary>
public static class ReportDocument
{
    private const string Css = """
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2933;margin:24px auto;max-width:1000px;padding:0 16px}
        h1{font-size:22px;margin:0 0 4px}h3{font-size:16px}.muted{color:#6b7785}
        .charts-row{display:flex;flex-wrap:wrap;gap:16px}
        table{border-collapse:collapse;width:100%;margin:12px 0}caption{text-align:left;font-weight:600;padding:4px 0}
        th,td{border-bottom:1px solid #e4e7eb;padding:4px 8px;text-align:left;font-size:13px}
        tr.fail td.verdict,.verdict.fail{color:#c62828;font-weight:700}tr.pass td.verdict,.verdict.pass{color:#2e7d32;font-weight:700}
        tr.where td{color:#6b7785;font-size:12px;padding-left:24px}
        .legend .swatch{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
        .swatch.before{background:#9aa5b1}.swatch.after{background:#2f6fde}
        """;

    public static string Render(ReportData data, DateTimeOffset generatedAt) => $"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>{E(data.ScenarioId)} report · SysDesign Lab</title><style>{Css}</style></head>
        <body>
        <h1>{E(data.Title)}</h1>
        <p class="muted">SysDesign Lab scenario {E(data.ScenarioId)} · report generated {generatedAt.ToUniversalTime():yyyy-MM-dd HH:mm} UTC · {data.Attempts.Count} attempt(s). Measured on the learner's machine; the naive app's figures were measured on the same machine.</p>
        {ReportView.Render(data)}
        </body>
        </html>
        """;
}
