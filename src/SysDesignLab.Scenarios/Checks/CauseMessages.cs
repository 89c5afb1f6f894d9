using System.Globalization;
using System.Text.RegularExpressions;
using SysDesignLab.LoadTesting;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>
/// The message under a failed criterion, chosen by what the run saw: the manifest's text for that
/// cause, else its default, else the lab's own account of what happened, with the numbers. A crash
/// never gets the default: manifests write it about a live app, and the requests met a dead one.
/// </summary>
public static partial class CauseMessages
{
    public static string Choose(WhereMessages where, FailureCause cause, RunEvidence? evidence, string? endpoint, string name, string expected, string actual)
    {
        ArgumentNullException.ThrowIfNull(where);
        if (where.For(cause.Key()) is { Length: > 0 } own)
        {
            return own;
        }
        if (cause != FailureCause.Crash && where.Default is { Length: > 0 } fallback)
        {
            return fallback;
        }
        return evidence is null ? $"{name}: measured {actual}, expected {expected}." : Generic(cause, evidence, endpoint, name, expected, actual);
    }

    /// <summary>What the lab can say of a cause by itself: what happened, how much, and where to look first.</summary>
    public static string Generic(FailureCause cause, RunEvidence evidence, string? endpoint, string name, string expected, string actual)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var (requests, errors) = evidence.Requests(endpoint);
        var of = endpoint is null ? "requests" : $"{endpoint} requests";
        string Share(long count) => requests == 0
            ? $"{count:#,0} {of}"
            : $"{Percent((double)count / requests)} of {of} ({count:#,0} of {requests:#,0})";
        var id = evidence.ShortId;
        return cause switch
        {
            FailureCause.Crash =>
                $"Not about speed: {evidence.Crashes.OrderBy(c => c.Second ?? int.MaxValue).First().Summary}, and the requests after that went to an app that was gone. Fix the crash first, then check again.",
            FailureCause.Timeouts =>
                $"{Share(errors.Timeout)} got no answer within the {Seconds(evidence.Profile.RequestTimeout)} timeout: with {evidence.Profile.VirtualUsers} users at once, " +
                $"the app takes longer than that to answer. Run `./sdlab start {id}` and `./sdlab load {id}`, and watch what each request waits for while it runs.",
            FailureCause.WrongBody => WrongBody(evidence, endpoint, Share(errors.WrongBody)),
            FailureCause.Connection =>
                $"{Share(errors.Connect + errors.Reset)} could not reach the app ({errors.Connect:#,0} refused, unreachable or not accepted in time, {errors.Reset:#,0} cut off mid-answer): " +
                "nothing was listening on its address, or the app dropped connections. Look at the end of its log (`./sdlab status` prints where).",
            FailureCause.ServerError =>
                $"{Share(errors.ServerError)} got a 5xx answer: the app failed while handling them (usually an exception, or a resource it could not get). " +
                "Its log names the error (`./sdlab status` prints where).",
            FailureCause.ClientError =>
                $"{Share(errors.ClientError)} got a 4xx answer: the app turned the requests down as they were sent (a route that does not match, a parameter it refuses, a session it does not know). " +
                $"Compare {Request(evidence.Culprit(endpoint, e => e.ClientError))} with the app's routes.",
            FailureCause.OtherErrors =>
                $"{Share(errors.Other)} failed in a way that is neither a timeout, a refused connection, an error status nor a wrong body. `./sdlab load {id}` shows each kind as it happens.",
            FailureCause.Slow =>
                $"Every request was answered correctly ({Percent(requests == 0 ? 0 : 1 - (double)errors.Total / requests)} of {of}), but not fast enough: {name} was {actual}, expected {expected}. " +
                $"With {evidence.Profile.VirtualUsers} users at once each request's work adds up: find where one request spends its time.",
            _ => $"{name}: measured {actual}, expected {expected}.",
        };
    }

    private static string WrongBody(RunEvidence evidence, string? endpoint, string share)
    {
        var culprit = evidence.Culprit(endpoint, e => e.WrongBody);
        var expectation = culprit is null ? "" : $" (the status was right; `expect` asks for {Describe(culprit.Expect)})";
        var compare = culprit is null
            ? "Compare a response with what the check expects."
            : $"Compare a response with that: `./sdlab start {evidence.ShortId}`, then request {Request(culprit)} with curl.";
        return $"{share} returned a body the check did not expect{expectation}: your app answers, but not with the right data. {compare}";
    }

    /// <summary>What a successful response must look like, in words.</summary>
    public static string Describe(ResponseExpectation expect)
    {
        ArgumentNullException.ThrowIfNull(expect);
        var parts = new List<string>
        {
            expect.Statuses is { Count: > 0 } statuses ? $"status {string.Join(" or ", statuses)}"
                : expect.Status is { } status ? $"status {status}" : "a 2xx status",
        };
        if (expect.JsonArrayLength is { } length)
        {
            parts.Add($"a JSON array of {length} items");
        }
        if (expect.BodyContains is { } text)
        {
            parts.Add($"a body containing {text}");
        }
        return string.Join(" and ", parts);
    }

    /// <summary>The endpoint's request with its placeholders filled by a first value, e.g. GET /feed?page=1.</summary>
    private static string Request(EndpointSpec? endpoint) => endpoint is null
        ? "the check's requests"
        : $"{endpoint.Method} {Placeholder().Replace(endpoint.Path, m => m.Groups["int"].Success ? m.Groups["int"].Value : m.Groups["choice"].Value)}";

    [GeneratedRegex(@"\{int:(?<int>-?\d+):-?\d+\}|\{choice:(?<choice>[^|}]*)[^}]*\}")]
    private static partial Regex Placeholder();

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture) + " s";
}
