namespace SysDesignLab.Scenarios.Checks;

/// <summary>
/// Turns crashes into the check's verdict: one failed row per process that stopped, first. The failed
/// figures' own messages already blame the crash rather than slowness: the evaluator classifies a
/// run with a crash as <see cref="FailureCause.Crash"/> (see CauseMessages).
/// </summary>
public static class CrashVerdict
{
    public const string Kind = "stability";

    public static IReadOnlyList<CriterionResult> Apply(IReadOnlyList<CriterionResult> results, IReadOnlyList<AppCrash> crashes)
    {
        ArgumentNullException.ThrowIfNull(results);
        ArgumentNullException.ThrowIfNull(crashes);
        return crashes.Count == 0 ? results : [.. crashes.Select(Row), .. results];
    }

    private static CriterionResult Row(AppCrash crash) => new(
        $"{Capitalized(crash.Who)} kept running",
        Kind,
        false,
        "running until the load ends",
        $"stopped {crash.When}, exit code {crash.ExitCode?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unknown"}",
        $"{Capitalized(crash.Summary)}. The end of its log ({crash.Log}) usually says why.");

    private static string Capitalized(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
