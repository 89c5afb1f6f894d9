using SysDesignLab.LoadTesting;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Tests.Checks;

/// <summary>A failed criterion's message follows what the run saw, not one fixed text.</summary>
public sealed class FailureMessageTests
{
    private static readonly EndpointSpec Feed = new()
    {
        Name = "feed",
        Path = "/feed?page={int:1:10}",
        Expect = new ResponseExpectation { Status = 200, JsonArrayLength = 20 },
    };

    private static readonly LoadProfile Profile = new()
    {
        VirtualUsers = 100,
        Duration = TimeSpan.FromSeconds(20),
        RequestTimeout = TimeSpan.FromSeconds(5),
        Endpoints = [Feed],
    };

    private static readonly WhereMessages PerCause = new(new Dictionary<string, string>
    {
        ["timeouts"] = "TIMEOUTS: every request does too much work.",
        ["slow"] = "SLOW: count the rows GET /feed reads.",
    });

    private static CriterionSpec Criterion(string metric, string op, double value, WhereMessages where) =>
        new() { Name = metric, Kind = "performance", Metric = metric, Op = op, Value = value, Where = where };

    /// <summary>A run of <paramref name="requests"/> with these failures, all on the feed endpoint.</summary>
    private static RunEvidence Run(long requests, ErrorCounts errors, double p95 = 100, IReadOnlyList<AppCrash>? crashes = null)
    {
        var succeeded = requests - errors.Total;
        var rate = requests == 0 ? 0 : (double)succeeded / requests;
        var latency = new LatencySummary(p95 / 2, p95, p95 * 1.2, p95 * 2, p95 / 2);
        var load = new LoadResult(requests, succeeded, rate, requests / 20.0, succeeded / 20.0, latency, errors, TimeSpan.FromSeconds(20), [])
        {
            Endpoints = [new EndpointResult("feed", requests, succeeded, rate, requests / 20.0, succeeded / 20.0, latency, errors)],
        };
        return new RunEvidence(load, crashes ?? [], Profile, "01-single-server");
    }

    private static CriterionResult Evaluate(CriterionSpec criterion, RunEvidence run) =>
        CriterionEvaluator.Evaluate(criterion, CheckMetrics.From(run.Load, null, null), evidence: run);

    [Fact]
    public void Wrong_body_fix_gets_the_wrong_body_message()
    {
        // The fix that returned empty pages: fast, and every body wrong.
        var run = Run(2000, ErrorCounts.None with { WrongBody = 2000 }, p95: 184);
        var where = new WhereMessages(new Dictionary<string, string>(PerCause.Messages) { ["wrongBody"] = "WRONG BODY: GET /feed must return 20 posts." });

        var success = Evaluate(Criterion("successRate", ">=", 0.99, where), run);
        var p95 = Evaluate(Criterion("p95Ms", "<=", 500, where), run);

        Assert.Equal("WRONG BODY: GET /feed must return 20 posts.", success.Where);
        Assert.Equal("wrongBody", success.Cause);
        Assert.Equal("0.0%", success.Actual);
        // Not counted (nothing succeeded), and not told it is slow either.
        Assert.False(p95.Passed);
        Assert.Equal("WRONG BODY: GET /feed must return 20 posts.", p95.Where);
    }

    [Fact]
    public void Engine_generic_message_is_used_when_the_manifest_has_none_for_that_cause()
    {
        var run = Run(1000, ErrorCounts.None with { WrongBody = 930 }, p95: 184);

        var result = Evaluate(Criterion("successRate", ">=", 0.99, PerCause), run);

        Assert.Equal("wrongBody", result.Cause);
        Assert.StartsWith("93% of requests (930 of 1,000) returned a body the check did not expect", result.Where, StringComparison.Ordinal);
        Assert.Contains("status 200 and a JSON array of 20 items", result.Where, StringComparison.Ordinal);
        Assert.Contains("`./sdlab start 01`, then request GET /feed?page=1 with curl", result.Where, StringComparison.Ordinal);
        Assert.DoesNotContain("too much work", result.Where, StringComparison.Ordinal);
        Assert.Equal("≥ 99.0%", result.Expected);
        Assert.Equal("7.0%", result.Actual);
    }

    [Fact]
    public void Crashed_app_gets_the_crash_message_not_slowness()
    {
        var crash = new AppCrash("app", "your app", 3, 12, "at second 12 of the 20 s load", "/logs/app.log", ["boom"]);
        var run = Run(1000, ErrorCounts.None with { Connect = 600 }, p95: 2, crashes: [crash]);

        var result = Evaluate(Criterion("successRate", ">=", 0.99, "Requests are timing out: every request does too much work."), run);

        Assert.Equal("crash", result.Cause);
        Assert.StartsWith("Not about speed: your app stopped at second 12 of the 20 s load with exit code 3", result.Where, StringComparison.Ordinal);
        Assert.DoesNotContain("too much work", result.Where, StringComparison.Ordinal);
        var own = new WhereMessages(new Dictionary<string, string> { ["crash"] = "CRASH: read the log.", ["default"] = "slow" });
        Assert.Equal("CRASH: read the log.", Evaluate(Criterion("p95Ms", "<=", 500, own), run).Where);
    }

    [Fact]
    public void Slow_app_gets_the_slow_message()
    {
        // Every request answered, three of 1,000 timed out: a trace, not the story.
        var run = Run(1000, ErrorCounts.None with { Timeout = 3 }, p95: 900);

        var own = Evaluate(Criterion("p95Ms", "<=", 500, PerCause), run);
        var generic = Evaluate(Criterion("goodput", ">=", 100, new WhereMessages(new Dictionary<string, string> { ["timeouts"] = "T" })), run);

        Assert.Equal("slow", own.Cause);
        Assert.Equal("SLOW: count the rows GET /feed reads.", own.Where);
        Assert.Equal("slow", generic.Cause);
        Assert.StartsWith("Every request was answered correctly (99.7% of requests), but not fast enough: goodput was 49.9 req/s, expected ≥ 100.0 req/s.",
            generic.Where, StringComparison.Ordinal);
    }

    [Fact]
    public void Timed_out_requests_get_the_timeout_message()
    {
        var run = Run(1000, ErrorCounts.None with { Timeout = 700, WrongBody = 100 }, p95: 5000);

        var own = Evaluate(Criterion("successRate", ">=", 0.99, PerCause), run);
        var generic = Evaluate(Criterion("successRate", ">=", 0.99, new WhereMessages(new Dictionary<string, string> { ["slow"] = "S" })), run);

        Assert.Equal("timeouts", own.Cause);
        Assert.Equal("TIMEOUTS: every request does too much work.", own.Where);
        Assert.StartsWith("70% of requests (700 of 1,000) got no answer within the 5 s timeout: with 100 users at once", generic.Where, StringComparison.Ordinal);
    }

    [Fact]
    public void Refused_connections_get_the_connection_message()
    {
        var run = Run(5000, ErrorCounts.None with { Connect = 4990 }, p95: 1);

        var result = Evaluate(Criterion("successRate", ">=", 0.99, PerCause), run);

        Assert.Equal("connection", result.Cause);
        Assert.StartsWith("99.8% of requests (4,990 of 5,000) could not reach the app (4,990 refused, unreachable or not accepted in time, 0 cut off mid-answer)",
            result.Where, StringComparison.Ordinal);
    }

    [Fact]
    public void Server_errors_and_client_errors_get_their_own_messages()
    {
        var serverError = Evaluate(Criterion("successRate", ">=", 0.99, PerCause), Run(100, ErrorCounts.None with { ServerError = 50, ClientError = 10 }));
        var clientError = Evaluate(Criterion("successRate", ">=", 0.99, PerCause), Run(100, ErrorCounts.None with { ClientError = 50 }));

        Assert.Equal("serverError", serverError.Cause);
        Assert.Contains("got a 5xx answer", serverError.Where, StringComparison.Ordinal);
        Assert.Equal("clientError", clientError.Cause);
        Assert.Contains("got a 4xx answer", clientError.Where, StringComparison.Ordinal);
        Assert.Contains("Compare GET /feed?page=1 with the app's routes", clientError.Where, StringComparison.Ordinal);
    }

    [Fact]
    public void Manifest_string_form_is_used_for_every_cause_but_a_crash()
    {
        const string text = "Read GET /feed in app/Program.cs.";
        foreach (var errors in new[] { ErrorCounts.None with { WrongBody = 900 }, ErrorCounts.None with { Timeout = 900 }, ErrorCounts.None })
        {
            var result = Evaluate(Criterion("p95Ms", "<=", 50, text), Run(1000, errors, p95: 900));
            Assert.False(result.Passed);
            Assert.Equal(text, result.Where);
        }
        // Without a run to classify (older callers), the text stands as well.
        Assert.Equal(text, CriterionEvaluator.Evaluate(Criterion("p95Ms", "<=", 50, text), new Dictionary<string, double> { ["p95Ms"] = 90 }).Where);
    }

    [Fact]
    public void A_figure_that_is_not_about_requests_or_speed_gets_the_default()
    {
        var where = new WhereMessages(new Dictionary<string, string> { ["slow"] = "S", ["default"] = "Let PostgreSQL return only the 20 rows." });
        var run = Run(1000, ErrorCounts.None);
        var metrics = CheckMetrics.From(run.Load, null, new Dictionary<string, double> { ["dbRowsPerRequest"] = 250_000 });

        var result = CriterionEvaluator.Evaluate(
            new CriterionSpec { Name = "rows", Kind = "right-way", Metric = "dbRowsPerRequest", Op = "<=", Value = 25_000, Where = where }, metrics, evidence: run);

        Assert.Null(result.Cause);
        Assert.Equal("Let PostgreSQL return only the 20 rows.", result.Where);
    }

    [Fact]
    public void Dominant_cause_is_the_most_frequent_kind_of_failure()
    {
        Assert.Equal(FailureCause.Connection, FailureCauses.Dominant(ErrorCounts.None with { Connect = 30, Reset = 30, Timeout = 50 }));
        Assert.Equal(FailureCause.Timeouts, FailureCauses.Dominant(ErrorCounts.None with { Timeout = 5, WrongBody = 5 }));
        Assert.Equal(FailureCause.None, FailureCauses.Dominant(ErrorCounts.None));
    }
}
