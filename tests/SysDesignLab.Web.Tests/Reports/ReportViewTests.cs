using Bunit;
using SysDesignLab.Web.Reports;

namespace SysDesignLab.Web.Tests.Reports;

public sealed class ReportViewTests : BunitContext
{
    private IRenderedComponent<ReportView> RenderReport(ReportData data) => Render<ReportView>(p => p.Add(c => c.Data, data));

    [Fact]
    public void Without_attempts_the_report_says_how_to_make_one()
    {
        var cut = RenderReport(ReportData.From("01-single-server", "t", []));
        Assert.Contains("No check yet", cut.Find("#no-attempts").TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#attempts-table"));
    }

    [Fact]
    public void Every_attempt_is_a_row_and_the_latest_verdicts_are_shown()
    {
        var cut = RenderReport(ReportData.From("01-single-server", "t", [
            ReportFixtures.Attempt(1, passed: false, rps: 20, p95: 4900),
            ReportFixtures.Attempt(2, passed: true, rps: 700, p95: 120),
        ]));
        var rows = cut.FindAll("#attempts-table tbody tr");
        Assert.Equal(["fail", "pass"], rows.Select(r => r.ClassName));
        Assert.Equal(["1", "2026-11-24 10:01", "FAIL"], rows[0].QuerySelectorAll("td").Take(3).Select(td => td.TextContent));
        Assert.Equal("2/2", rows[1].QuerySelectorAll("td")[3].TextContent);
        Assert.Equal("700 req/s", rows[1].QuerySelectorAll("td")[4].TextContent);
        Assert.Equal("0", rows[1].QuerySelectorAll("td")[5].TextContent);
        Assert.Equal("PASSED", cut.Find("h3 .verdict.pass").TextContent);
        Assert.Contains("Feed pages match the database", cut.Find("#verdicts").TextContent, StringComparison.Ordinal);
        Assert.Equal(3, cut.FindAll("svg.bars").Count);
    }

    [Fact]
    public void Goodput_and_failed_requests_are_apart_from_req_s_and_the_prediction_sits_beside_the_measurement()
    {
        var data = ReportData.From("01-single-server", "t", [ReportFixtures.Attempt(1, false, 20, 4900)]) with
        {
            Baseline = new Scenarios.Lab.RecordedFigures(400, 400, 0, 20, 0, 5005, 5010, 5140, 5200, null),
            Prediction = new Progress.Prediction(1, "01-single-server", DateTimeOffset.UnixEpoch, 0.95, 200, "it is a small query"),
            Comparison = "You expected 95% success, p95 200 ms; measured 12.0% success.",
        };

        var cut = RenderReport(data);

        Assert.Equal("You expected 95% success, p95 200 ms; measured 12.0% success.", cut.Find("#prediction-vs-measured").TextContent);
        Assert.Contains("400 failed requests of 400", cut.Find("#baseline-figures").TextContent, StringComparison.Ordinal);
        Assert.Equal(["goodput", "failed requests"], cut.FindAll("#attempts-table thead th").Skip(4).Take(2).Select(th => th.TextContent));
        // A baseline kept whole draws its p50 and p99 too: nothing reads "not measured".
        Assert.DoesNotContain("not measured", cut.FindAll("svg.bars")[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_criterion_names_what_the_run_saw_before_where_to_look()
    {
        var json = ReportFixtures.CheckJson(false, 20, 184).Replace("\"where\": \"Requests are timing out <5 s>.\"", "\"where\": \"Pages came back empty.\", \"cause\": \"wrongBody\"", StringComparison.Ordinal);
        var attempt = new Progress.Attempt(1, "01-single-server", DateTimeOffset.UnixEpoch, false, json);

        var cut = RenderReport(ReportData.From("01-single-server", "t", [attempt]));

        Assert.Equal("wrong bodies: Pages came back empty.", cut.Find("#verdicts tr.where td").TextContent);
    }

    [Fact]
    public void Without_a_prediction_the_report_says_how_to_record_one()
    {
        var cut = RenderReport(ReportData.From("01-single-server", "t", [ReportFixtures.Attempt(1, true, 700, 120)]));
        Assert.Contains("sdlab predict", cut.Find("#prediction-vs-measured").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_criterion_shows_where_to_look_encoded()
    {
        var cut = RenderReport(ReportData.From("01-single-server", "t", [ReportFixtures.Attempt(1, false, 20, 4900)]));
        Assert.Equal("Requests are timing out <5 s>.", cut.Find("#verdicts tr.where td").TextContent);
        Assert.Contains("Requests are timing out &lt;5 s&gt;.", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Percentiles_a_stored_baseline_did_not_keep_are_shown_as_not_measured()
    {
        var cut = RenderReport(ReportData.From("01-single-server", "t", [ReportFixtures.Attempt(1, true, 700, 120)]));
        var latency = cut.FindAll("svg.bars")[0];
        Assert.Contains("not measured", latency.TextContent, StringComparison.Ordinal);
        Assert.Contains(latency.QuerySelectorAll("text"), t => t.TextContent == "4,900");
    }

    [Fact]
    public void An_attempt_whose_json_does_not_read_back_is_still_listed()
    {
        var broken = new Progress.Attempt(1, "01-single-server", DateTimeOffset.UnixEpoch, false, "{not json");
        var cut = RenderReport(ReportData.From("01-single-server", "t", [broken, ReportFixtures.Attempt(2, true, 700, 120)]));
        Assert.Equal("(recorded by another version)", cut.FindAll("#attempts-table tbody tr")[0].QuerySelector("td.muted")!.TextContent);
    }

    [Fact]
    public async Task The_exported_document_loads_nothing_from_outside()
    {
        var html = await ReportDocument.RenderAsync(ReportData.From("01-single-server", "01 · One server", [ReportFixtures.Attempt(1, true, 700, 120)]), DateTimeOffset.UnixEpoch);
        Assert.StartsWith("<!doctype html>", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.Contains("\"Segoe UI\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exported_document_is_the_same_report_as_the_page_shows()
    {
        var html = ReportDocument.Render(ReportData.From("01-single-server", "01 · One <server>", [ReportFixtures.Attempt(1, false, 20, 4900)]), DateTimeOffset.UnixEpoch);
        Assert.Contains("<h1>01 · One &lt;server&gt;</h1>", html, StringComparison.Ordinal);
        Assert.Contains("report generated 1970-01-01 00:00 UTC", html, StringComparison.Ordinal);
        Assert.Contains("id=\"attempts-table\"", html, StringComparison.Ordinal);
        Assert.Contains("Requests are timing out &lt;5 s&gt;.", html, StringComparison.Ordinal);
    }
}
