using SysDesignLab.LoadTesting;
using SysDesignLab.Scenarios.Checks;

namespace SysDesignLab.Scenarios.Tests.Checks;

public sealed class CrashVerdictTests
{
    private static readonly AppCrash Crash = new("app", "your app", 3, 12, "at second 12 of the 20 s load", "/logs/app.log", ["boom"]);

    [Fact]
    public void A_crash_is_a_failed_row_first_and_the_other_rows_follow_unchanged()
    {
        var results = new[]
        {
            new CriterionResult("Success rate", "performance", false, "≥ 99.0%", "3.5%", "Not about speed"),
            new CriterionResult("Pages match", "correctness", false, "7/7 match", "6/7 match", "compare the SQL"),
        };

        var verdict = CrashVerdict.Apply(results, [Crash]);

        Assert.Equal(["Your app kept running", "Success rate", "Pages match"], verdict.Select(r => r.Name));
        Assert.False(verdict[0].Passed);
        Assert.Equal("stopped at second 12 of the 20 s load, exit code 3", verdict[0].Actual);
        Assert.Contains("/logs/app.log", verdict[0].Where, StringComparison.Ordinal);
        Assert.Equal(results, verdict.Skip(1));
        Assert.Same(results, CrashVerdict.Apply(results, []));
    }

    [Fact]
    public void The_json_carries_the_crash_and_leaves_it_out_without_one()
    {
        var load = new LoadFigures(10, 0.5, 1, 0.5, new LatencyFigures(1, 2, 3, 4), ErrorCounts.None);
        var report = new CheckReport("01-single-server", "learner", false, [], load, null, null, null, DateTimeOffset.UnixEpoch, 1, [Crash]);

        var json = report.ToJson();

        Assert.Contains("\"exitCode\": 3", json, StringComparison.Ordinal);
        Assert.Contains("\"second\": 12", json, StringComparison.Ordinal);
        Assert.Equal(Crash.LastLines, CheckReport.FromJson(json)!.Crashes![0].LastLines);
        Assert.DoesNotContain("crashes", (report with { Crashes = null }).ToJson(), StringComparison.Ordinal);
    }
}
