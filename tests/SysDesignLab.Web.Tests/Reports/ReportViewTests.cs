using SysDesignLab.Web.Reports;

namespace SysDesignLab.Web.Tests.Reports;

public sealed class ReportViewTests
{
    [Fact]
    public void Without_attempts_the_report_says_how_to_make_one()
    {
        var html = ReportView.Render(ReportData.From("01-single-server", "t", []));
        Assert.Contains("No check yet", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_attempt_is_a_row_and_the_latest_verdicts_are_shown()
    {
        var data = ReportData.From("01-single-server", "t", [
            ReportFixtures.Attempt(1, passed: false, rps: 20, p95: 4900),
            ReportFixtures.Attempt(2, passed: true, rps: 700, p95: 120),
        ]);
        var html = ReportView.Render(data);
        Assert.Equal(2, Count(html, "<tr class=\"fail\"><td>1</td>") + Count(html, "<tr class=\"pass\"><td>2</td>"));
        Assert.Contains("PASSED", html, StringComparison.Ordinal);
        Assert.Contains("Feed pages match the database", html, StringComparison.Ordinal);
        Assert.Contains("<svg", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_failed_criterion_shows_where_to_look_escaped()
    {
        var html = ReportView.Render(ReportData.From("01-single-server", "t", [ReportFixtures.Attempt(1, false, 20, 4900)]));
        Assert.Contains("Requests are timing out &lt;5 s&gt;.", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Percentiles_a_stored_baseline_did_not_keep_are_shown_as_not_measured()
    {
        var html = ReportView.Render(ReportData.From("01-single-server", "t", [ReportFixtures.Attempt(1, true, 700, 120)]));
        Assert.Contains("not measured", html, StringComparison.Ordinal);
        Assert.Contains(">4,900<", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_attempt_whose_json_does_not_read_back_is_still_listed()
    {
        var broken = new Progress.Attempt(1, "01-single-server", DateTimeOffset.UnixEpoch, false, "{not json");
        var html = ReportView.Render(ReportData.From("01-single-server", "t", [broken, ReportFixtures.Attempt(2, true, 700, 120)]));
        Assert.Contains("recorded by another version", html, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exported_document_loads_nothing_from_outside()
    {
        var html = ReportDocument.Render(ReportData.From("01-single-server", "01 · One server", [ReportFixtures.Attempt(1, true, 700, 120)]), DateTimeOffset.UnixEpoch);
        Assert.Contains("<style>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<link", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=", html, StringComparison.Ordinal);
    }

    private static int Count(string text, string part) => text.Split(part).Length - 1;
}
