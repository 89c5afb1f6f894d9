using SysDesignLab.Progress;
using SysDesignLab.Scenarios.Checks;

namespace SysDesignLab.Web.Reports;

/// <summary>A scenario's attempts, each with its check report read back from the JSON the attempt kept.</summary>
public sealed record ReportData(string ScenarioId, string Title, IReadOnlyList<(Attempt Attempt, CheckReport? Report)> Attempts)
{
    public static ReportData From(string scenarioId, string title, IReadOnlyList<Attempt> attempts) =>
        new(scenarioId, title, attempts.Select(a => (a, Read(a.ResultJson))).ToList());

    public CheckReport? Latest => Attempts.LastOrDefault(a => a.Report is not null).Report;

    /// <summary>
    /// The naive app's figures: measured by the check itself, or, on a machine where the check
    /// reused a stored baseline (which keeps only p95), the same figures with the rest unknown.
    /// </summary>
    public LoadFigures? Baseline => Attempts.Select(a => a.Report?.Baseline).LastOrDefault(b => b is not null);

    // An attempt written by another sdlab version may not read back; the table still lists it.
    private static CheckReport? Read(string json)
    {
        try
        {
            return CheckReport.FromJson(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
