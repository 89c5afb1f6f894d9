using SysDesignLab.LoadTesting;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>What made a criterion fail, as the run saw it; picks the message the learner reads.</summary>
public enum FailureCause
{
    /// <summary>Nothing about the requests: the figure itself missed its bound (rows read, connections).</summary>
    None,
    Crash,
    Timeouts,
    WrongBody,
    /// <summary>Refused, unreachable or reset connections: nothing listening, or the app dropped them.</summary>
    Connection,
    ServerError,
    ClientError,
    OtherErrors,
    /// <summary>The requests were answered correctly, but a latency or throughput figure missed.</summary>
    Slow,
}

public static class FailureCauses
{
    /// <summary>
    /// Below this share of failed requests a latency or throughput miss is about speed: a handful of
    /// errors do not move a p95 or the req/s, and "your requests fail" would send the learner astray.
    /// </summary>
    public const double ErrorShare = 0.01;

    // Figures about time or rate: when they miss while the requests succeed, the app is slow.
    private static readonly HashSet<string> SpeedMetrics = ["rps", "goodput", "goodputVsBaseline", "p95VsBaseline", "achievedRate"];

    // Figures about the failures themselves: any failure is the cause, however few.
    private static readonly HashSet<string> SuccessMetrics = ["successRate", "errorRate"];

    /// <summary>The manifest key of a cause, as "where" objects name it.</summary>
    public static string Key(this FailureCause cause) => cause switch
    {
        FailureCause.None => Manifest.WhereMessages.DefaultKey,
        _ => char.ToLowerInvariant(cause.ToString()[0]) + cause.ToString()[1..],
    };

    /// <summary>The cause in a few words, for the check table ("wrong bodies").</summary>
    public static string Label(this FailureCause cause) => cause switch
    {
        FailureCause.Crash => "crash",
        FailureCause.Timeouts => "timeouts",
        FailureCause.WrongBody => "wrong bodies",
        FailureCause.Connection => "connection errors",
        FailureCause.ServerError => "5xx errors",
        FailureCause.ClientError => "4xx errors",
        FailureCause.OtherErrors => "other errors",
        FailureCause.Slow => "slow",
        _ => "",
    };

    /// <summary>The label of a cause as a check's JSON keeps it ("wrongBody" → "wrong bodies"); null for none or an unknown key.</summary>
    public static string? LabelOf(string? key) =>
        Enum.TryParse<FailureCause>(key, ignoreCase: true, out var cause) && cause.Label() is { Length: > 0 } label ? label : null;

    /// <summary>
    /// Why <paramref name="metric"/> failed in this run: a crash first (every later figure measured a dead
    /// app), then the most frequent kind of failed request when failures are more than a trace (or the
    /// criterion is about failures), then slowness for a latency or throughput figure, else nothing.
    /// </summary>
    public static FailureCause Classify(RunEvidence evidence, string metric, string? endpoint)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        if (evidence.Crashes.Count > 0)
        {
            return FailureCause.Crash;
        }
        var (requests, errors) = evidence.Requests(endpoint);
        var name = LoadMetrics.BaseName(metric);
        if (errors.Total > 0 && requests > 0 && (SuccessMetrics.Contains(name) || (double)errors.Total / requests >= ErrorShare))
        {
            return Dominant(errors);
        }
        return SpeedMetrics.Contains(name) || name.EndsWith("Ms", StringComparison.Ordinal) ? FailureCause.Slow : FailureCause.None;
    }

    /// <summary>The kind with the most failed requests; on a tie, the earlier in this list.</summary>
    public static FailureCause Dominant(ErrorCounts errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        (long Count, FailureCause Cause)[] kinds =
        [
            (errors.Timeout, FailureCause.Timeouts),
            (errors.WrongBody, FailureCause.WrongBody),
            (errors.Connect + errors.Reset, FailureCause.Connection),
            (errors.ServerError, FailureCause.ServerError),
            (errors.ClientError, FailureCause.ClientError),
            (errors.Other, FailureCause.OtherErrors),
        ];
        var top = kinds.MaxBy(k => k.Count);
        return top.Count == 0 ? FailureCause.None : top.Cause;
    }
}
