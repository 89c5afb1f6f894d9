using SysDesignLab.Progress;
using SysDesignLab.Scenarios.Checks;

namespace SysDesignLab.Scenarios.Lab;

/// <summary>
/// Everything the lab keeps about one scenario, for the report, the attempts table and the guide's
/// results table: the naive baseline, every attempt with its check read back, and the predictions.
/// </summary>
public sealed record ScenarioRecord(
    Scenario Scenario,
    RecordedFigures? Baseline,
    DateTimeOffset? BaselineMeasuredAt,
    IReadOnlyList<AttemptRecord> Attempts,
    IReadOnlyList<Prediction> Predictions)
{
    /// <summary>The prediction that counts: the latest.</summary>
    public Prediction? Prediction => Predictions.Count == 0 ? null : Predictions[^1];

    /// <summary>The latest attempt whose check could be read back.</summary>
    public AttemptRecord? Latest => Attempts.LastOrDefault(a => a.Report is not null);

    /// <summary>"You expected …; measured …" for the latest attempt, or null without a prediction or an attempt.</summary>
    public string? Comparison => Prediction is { } p && Latest?.Figures is { } f
        ? PredictionComparison.Describe(p, f, Scenario.CheckProfile.RequestTimeout)
        : null;

    public static ScenarioRecord Read(ProgressStore store, Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(scenario);
        var attempts = store.GetAttempts(scenario.Id).Select(AttemptRecord.From).ToList();
        var baselines = store.GetBaselines(scenario.Id);
        // The baseline the latest check was judged against; else the most recently measured.
        var used = attempts.LastOrDefault(a => a.Report?.Baseline is not null)?.Report!.Baseline;
        var stored = (used is null ? null : baselines.FirstOrDefault(b => Matches(b, used))) ?? baselines.FirstOrDefault();
        var figures = stored is not null ? RecordedFigures.From(stored) : used is not null ? RecordedFigures.From(used) : null;
        return new ScenarioRecord(scenario, figures, stored?.MeasuredAt, attempts, store.GetPredictions(scenario.Id));
    }

    // A report names no baseline row: the one it used is the row with the figures it was judged by.
    private static bool Matches(Baseline stored, LoadFigures used) =>
        stored.Goodput.Equals(used.Goodput) && stored.Rps.Equals(used.Rps) && stored.P95Ms.Equals(used.LatencyMs.P95) && stored.SuccessRate.Equals(used.SuccessRate);
}

/// <summary>One attempt and its check read back (null when another sdlab version wrote it in a form this one cannot read).</summary>
public sealed record AttemptRecord(Attempt Attempt, CheckReport? Report)
{
    /// <summary>The attempt's load figures, with goodput and failed requests apart.</summary>
    public RecordedFigures? Figures => Report is null ? null : RecordedFigures.From(Report.Load);

    public static AttemptRecord From(Attempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        try
        {
            return new AttemptRecord(attempt, CheckReport.FromJson(attempt.ResultJson));
        }
        catch (System.Text.Json.JsonException)
        {
            return new AttemptRecord(attempt, null);
        }
    }
}
