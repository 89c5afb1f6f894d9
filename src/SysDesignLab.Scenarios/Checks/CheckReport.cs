using System.Text.Json;
using System.Text.Json.Serialization;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>
/// Everything a check found; serialised as the --json output and kept as the attempt's record.
/// <see cref="Crashes"/> is null (absent from the JSON) when every process kept running.
/// </summary>
public sealed record CheckReport(
    string Scenario,
    string App,
    bool Passed,
    IReadOnlyList<CriterionResult> Criteria,
    LoadFigures Load,
    LoadFigures? Baseline,
    double? DbRowsPerRequest,
    int? PeakDbConnections,
    DateTimeOffset At,
    double DurationSeconds,
    IReadOnlyList<AppCrash>? Crashes = null)
{
    /// <summary>What the check's fault schedule did, one line per event ("at 10.02 s (planned 10 s): paused app-2 …"); null without one.</summary>
    public IReadOnlyList<string>? Faults { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    public static CheckReport? FromJson(string json) => JsonSerializer.Deserialize<CheckReport>(json, JsonOptions);
}
