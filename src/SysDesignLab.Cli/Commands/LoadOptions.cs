using System.CommandLine;
using SysDesignLab.LoadTesting;
using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Cli.Commands;

/// <summary>The options of <c>sdlab load</c> and how they shape a <see cref="LoadProfile"/>.</summary>
public sealed class LoadOptions
{
    public Argument<string?> Scenario { get; } = new("scenario")
    {
        Description = "The scenario: its id (01-single-server) or number (01). Omit it when you give --url.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    public Option<string?> Url { get; } = new("--url") { Description = "Load any server instead of a scenario, e.g. http://127.0.0.1:5000/path (loopback only unless --allow-remote)." };
    public Option<int?> Users { get; } = new("--users", "-c") { Description = "Virtual users (closed model) or connections (open model). Default: the scenario's profile, or 100 with --url." };
    public Option<string?> Duration { get; } = new("--duration", "-d") { Description = "How long to load, e.g. 30s. Default: the scenario's profile, or 10s with --url." };
    public Option<string?> WarmUp { get; } = new("--warmup") { Description = "Load before measuring, excluded from the results, e.g. 2s. Default: the scenario's profile, or none with --url." };
    public Option<string?> Timeout { get; } = new("--timeout") { Description = "Per-request timeout, e.g. 5s." };
    public Option<double?> Rate { get; } = new("--rate") { Description = "Open model: requests per second to issue whatever the server's speed; latency counts from the intended send time." };
    public Option<ArrivalDistribution> Arrival { get; } = new("--arrival") { Description = "Open model: constant or poisson spacing of the requests.", DefaultValueFactory = _ => ArrivalDistribution.Constant };
    public Option<int?> MaxInFlight { get; } = new("--max-in-flight") { Description = "Open model: cap on requests in flight (default: --users)." };
    public Option<string?> Json { get; } = new("--json") { Description = "Write the final result (with the encoded latency histogram) to this file." };
    public Option<string?> Ndjson { get; } = new("--ndjson") { Description = "Write one JSON line per second (the live samples) to this file." };
    public Option<string[]> Thresholds { get; } = new("--threshold") { Description = "Pass/fail rule, repeatable: p95<200ms, p99<=1s, success_rate>0.999, rps>500. Exit code 1 when one fails." };
    public Option<bool> AllowRemote { get; } = new("--allow-remote") { Description = "Allow a --url that is not on this machine (only for servers you own)." };

    public IEnumerable<Symbol> All() =>
        [Scenario, Url, Users, Duration, WarmUp, Timeout, Rate, Arrival, MaxInFlight, Json, Ndjson, Thresholds, AllowRemote];

    /// <summary>Parses the thresholds before anything runs, so a typo costs no load run.</summary>
    public IReadOnlyList<Threshold> ParseThresholds(ParseResult parse)
    {
        var texts = parse.GetValue(Thresholds) ?? [];
        try
        {
            return [.. texts.Select(ThresholdParser.Parse)];
        }
        catch (FormatException e)
        {
            throw new LabException(e.Message);
        }
    }

    /// <summary>Applies the command-line overrides to <paramref name="profile"/>.</summary>
    public LoadProfile Apply(ParseResult parse, LoadProfile profile)
    {
        if (parse.GetValue(Users) is { } u)
        {
            profile = profile with { VirtualUsers = u > 0 ? u : throw new LabException("--users must be at least 1.") };
        }
        if (ParseDuration(parse, Duration, allowZero: false) is { } d)
        {
            profile = profile with { Duration = d };
        }
        if (ParseDuration(parse, WarmUp, allowZero: true) is { } w)
        {
            profile = profile with { WarmUp = w };
        }
        if (ParseDuration(parse, Timeout, allowZero: false) is { } t)
        {
            profile = profile with { RequestTimeout = t };
        }
        if (parse.GetValue(Rate) is { } rate)
        {
            profile = profile with
            {
                ArrivalRate = rate > 0 && double.IsFinite(rate) ? rate : throw new LabException($"--rate must be a positive number of requests per second, not {rate}."),
                Arrival = parse.GetValue(Arrival),
            };
        }
        if (parse.GetValue(MaxInFlight) is { } cap)
        {
            profile = profile with { MaxInFlight = cap > 0 ? cap : throw new LabException("--max-in-flight must be at least 1.") };
        }
        return profile;
    }

    private static TimeSpan? ParseDuration(ParseResult parse, Option<string?> option, bool allowZero)
    {
        if (parse.GetValue(option) is not { } text)
        {
            return null;
        }
        return DurationParser.TryParse(text, out var parsed) && (parsed > TimeSpan.Zero || (allowZero && parsed == TimeSpan.Zero))
            ? parsed
            : throw new LabException($"{option.Name} '{text}' is not a duration; write it like 30s or 2m.");
    }
}
