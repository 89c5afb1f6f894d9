using SysDesignLab.Progress;

namespace SysDesignLab.Web.Tests.Reports;

/// <summary>Attempts as the store keeps them: the check's JSON, written here as sdlab check writes it.</summary>
internal static class ReportFixtures
{
    public static string CheckJson(bool passed, double rps, double p95, bool withBaseline = true) => $$"""
        {
          "scenario": "01-single-server", "app": "learner", "passed": {{(passed ? "true" : "false")}},
          "criteria": [
            { "name": "Success rate at 100 users", "kind": "performance", "passed": {{(passed ? "true" : "false")}}, "expected": ">= 0.99", "actual": "{{(passed ? "1" : "0.12")}}", "where": "Requests are timing out <5 s>." },
            { "name": "Feed pages match the database", "kind": "correctness", "passed": true, "expected": "7 pages match", "actual": "7 pages match", "where": "" }
          ],
          "load": { "requests": 1000, "successRate": {{(passed ? "1" : "0.12")}}, "rps": {{rps}}, "goodput": {{rps}}, "latencyMs": { "p50": 40, "p95": {{p95}}, "p99": {{p95 + 20}}, "max": 900 },
                    "errors": { "connect": 0, "timeout": 0, "reset": 0, "serverError": 0, "clientError": 0, "wrongBody": 0, "other": 0 } },
          {{(withBaseline ? "\"baseline\": { \"requests\": 0, \"successRate\": 0.1, \"rps\": 20, \"goodput\": 2, \"latencyMs\": { \"p50\": 0, \"p95\": 4900, \"p99\": 0, \"max\": 0 }, \"errors\": { \"connect\": 0, \"timeout\": 0, \"reset\": 0, \"serverError\": 0, \"clientError\": 0, \"wrongBody\": 0, \"other\": 0 } }," : "")}}
          "at": "2026-11-24T10:00:00+00:00", "durationSeconds": 61.5
        }
        """;

    public static Attempt Attempt(long id, bool passed, double rps, double p95) =>
        new(id, "01-single-server", new DateTimeOffset(2026, 11, 24, 10, (int)id, 0, TimeSpan.Zero), passed, CheckJson(passed, rps, p95));
}
