using SysDesignLab.Progress;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Lab;

namespace SysDesignLab.Web.Reports;

/// <summary>
/// A scenario's attempts, each with its check report read back from the JSON the attempt kept, and
/// what the lab keeps beside them: the naive baseline's full figures and the learner's prediction.
/// </summary>
public sealed record ReportData(string ScenarioId, string Title, IReadOnlyList<(Attempt Attempt, CheckReport? Report)> Attempts)
{
    /// <summary>The naive app's figures as the lab keeps them; a null figure was not recorded (an older baseline).</summary>
    public RecordedFigures? Baseline { get; init; }

    /// <summary>The learner's latest prediction, and the sentence that sets it beside the latest attempt.</summary>
    public Prediction? Prediction { get; init; }
    public string? Comparison { get; init; }

    public static ReportData From(ScenarioRecord record, string title)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new(record.Scenario.Id, title, record.Attempts.Select(a => (a.Attempt, a.Report)).ToList())
        {
            Baseline = record.Baseline,
            Prediction = record.Prediction,
            Comparison = record.Comparison,
        };
    }

    /// <summary>Attempts alone: the baseline is the one the latest check reported.</summary>
    public static ReportData From(string scenarioId, string title, IReadOnlyList<Attempt> attempts)
    {
        var read = attempts.Select(AttemptRecord.From).ToList();
        return new(scenarioId, title, read.Select(a => (a.Attempt, a.Report)).ToList())
        {
            Baseline = read.Select(a => a.Report?.Baseline).LastOrDefault(b => b is not null) is { } b ? RecordedFigures.From(b) : null,
        };
    }

    public CheckReport? Latest => Attempts.LastOrDefault(a => a.Report is not null).Report;
}
