using System.Globalization;
using SysDesignLab.Progress;

namespace SysDesignLab.Scenarios.Lab;

/// <summary>The long steps of the lab, each timed on this machine so the next one can say how long it should take.</summary>
public enum LabStep
{
    Start,
    Build,
    Baseline,
    Measure,
    Load,
}

/// <summary>
/// How long a step should take and why the lab thinks so: the median of its recent runs on this
/// machine ("from your last 3 checks"), or, the first time, a sum from the manifest's profile.
/// </summary>
public sealed record StepEstimate(TimeSpan Duration, int Runs, string Basis)
{
    /// <summary>How many recent runs the median is taken over: enough to ignore one slow run, recent enough to follow the machine.</summary>
    public const int RecentRuns = 5;

    // What a build and a start take beyond the profile's load, when there is no history yet.
    private static readonly TimeSpan BuildAllowance = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StartAllowance = TimeSpan.FromSeconds(10);

    /// <summary>"about 1 min, from your last 3 checks" / "about 40 s, first time: estimated".</summary>
    public string Describe() => $"about {Words(Duration)}, {Basis}";

    public static StepEstimate For(ProgressStore store, Scenario scenario, LabStep step)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scenario);
        if (step == LabStep.Load)
        {
            // A load lasts as long as its profile says, whatever the last one (maybe with --duration) took.
            var load = scenario.LoadProfile;
            return new StepEstimate(load.WarmUp + load.Duration, 0, "warm-up + duration");
        }
        var times = store.GetStepTimes(scenario.Id, Key(step), RecentRuns);
        return times.Count > 0
            ? FromHistory(step, times.Select(t => t.Duration).ToList())
            : new StepEstimate(Fallback(scenario, step), 0, "first time: estimated");
    }

    /// <summary>The median of <paramref name="recent"/> (newest first), worded by the step's noun.</summary>
    public static StepEstimate FromHistory(LabStep step, IReadOnlyList<TimeSpan> recent)
    {
        ArgumentOutOfRangeException.ThrowIfZero(recent.Count);
        var sorted = recent.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var (one, many) = Nouns(step);
        var basis = recent.Count == 1 ? $"from your last {one}" : $"from your last {recent.Count} {many}";
        return new StepEstimate(median, recent.Count, basis);
    }

    public static TimeSpan Fallback(Scenario scenario, LabStep step)
    {
        var check = scenario.CheckProfile;
        return step switch
        {
            LabStep.Start => BuildAllowance + StartAllowance,
            LabStep.Build => BuildAllowance,
            LabStep.Baseline => BuildAllowance + StartAllowance + check.WarmUp + check.Duration,
            LabStep.Measure => StartAllowance + check.WarmUp + check.Duration,
            _ => scenario.LoadProfile.WarmUp + scenario.LoadProfile.Duration,
        };
    }

    /// <summary>The step's name in the progress store.</summary>
    public static string Key(LabStep step) => step.ToString().ToLowerInvariant();

    /// <summary>A duration as a learner reads an estimate: "25 s" (to 5 s) under a minute, else "1.5 min" (to half a minute).</summary>
    public static string Words(TimeSpan duration)
    {
        if (duration < TimeSpan.FromSeconds(55))
        {
            var seconds = Math.Max(5, Math.Round(duration.TotalSeconds / 5, MidpointRounding.AwayFromZero) * 5);
            return $"{seconds.ToString("0", CultureInfo.InvariantCulture)} s";
        }
        var minutes = Math.Max(1, Math.Round(duration.TotalMinutes * 2, MidpointRounding.AwayFromZero) / 2);
        return $"{minutes.ToString("0.#", CultureInfo.InvariantCulture)} min";
    }

    /// <summary>"0:42": elapsed and remaining times on a live line.</summary>
    public static string Clock(TimeSpan duration) =>
        $"{(int)duration.TotalMinutes}:{duration.Seconds.ToString("00", CultureInfo.InvariantCulture)}";

    private static (string One, string Many) Nouns(LabStep step) => step switch
    {
        LabStep.Start => ("start", "starts"),
        LabStep.Build => ("build", "builds"),
        LabStep.Baseline => ("baseline measurement", "baseline measurements"),
        LabStep.Measure => ("check", "checks"),
        _ => ("load", "loads"),
    };
}
