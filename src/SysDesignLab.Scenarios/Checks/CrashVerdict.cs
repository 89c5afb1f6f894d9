using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>
/// Turns crashes into the check's verdict: one failed row per process that stopped, first, and the
/// figures' own advice (which assumes a live, slow app) replaced by "fix the crash first".
/// </summary>
public static class CrashVerdict
{
    public const string Kind = "stability";

    public static IReadOnlyList<CriterionResult> Apply(IReadOnlyList<CriterionResult> results, IReadOnlyList<CriterionSpec> criteria, IReadOnlyList<AppCrash> crashes)
    {
        if (crashes.Count == 0)
        {
            return results;
        }
        var first = crashes.OrderBy(c => c.Second ?? int.MaxValue).First();
        var rows = crashes.Select(Row).ToList();
        foreach (var result in results)
        {
            // A probe asked the idle app before the load; its verdict stands. A load figure does not.
            var isFigure = criteria.FirstOrDefault(c => c.Name == result.Name)?.Metric is not null;
            rows.Add(result.Passed || !isFigure
                ? result
                : result with { Where = $"Not about speed: {first.Summary}, and the requests after that went to an app that was gone. Fix the crash first, then check again." });
        }
        return rows;
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
