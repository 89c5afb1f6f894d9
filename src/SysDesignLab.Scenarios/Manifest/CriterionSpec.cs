using System.Text.Json;
using System.Text.Json.Serialization;

namespace SysDesignLab.Scenarios.Manifest;

/// <summary>
/// One pass/fail rule of a check. Either a metric compared with a value
/// (<c>"metric": "p95Ms", "op": "&lt;=", "value": 250</c>) or a probe (<c>"probe": "sql-ground-truth"</c>).
/// </summary>
public sealed class CriterionSpec
{
    public string Name { get; init; } = "";
    /// <summary>performance, correctness or right-way.</summary>
    public string Kind { get; init; } = "";
    public string? Metric { get; init; }
    public string? Op { get; init; }
    public double? Value { get; init; }
    /// <summary>Judge the metric over this endpoint's requests only (see LoadMetrics.PerEndpoint).</summary>
    public string? Endpoint { get; init; }
    public string? Probe { get; init; }
    /// <summary>
    /// For scenario authors and reviewers: why the bound is where it is (what the concept forbids,
    /// and which other correct designs it leaves room for). Not shown to the learner.
    /// </summary>
    public string? Why { get; init; }
    /// <summary>Where to look when the criterion fails: shown to the learner.</summary>
    public string Where { get; init; } = "";

    // sql-ground-truth probe: request the app and compare with what the SQL returns.
    public string? Request { get; init; }
    public string? Parameter { get; init; }
    public List<JsonElement> Values { get; init; } = [];
    public string? Sql { get; init; }
    public List<string> Fields { get; init; } = [];

    // sql-after-load probe: once the load is over and the app has stopped, run the sql (one number)
    // and compare it with op and value, e.g. items claimed == stock; or with the number expectedSql
    // returns then, when the check's own writes moved the target (stock restocked during the run).
    public string? ExpectedSql { get; init; }

    // explain-uses-index probe: EXPLAIN the sql (for each value, if a parameter is given) and
    // require that none of these tables is read with a sequential scan.
    public List<string> Tables { get; init; } = [];
    /// <summary>With it, the query is also run (EXPLAIN ANALYZE, BUFFERS) and may touch no more 8 kB pages.</summary>
    public long? MaxPagesRead { get; init; }

    // fresh-writes probe: while the load runs, every `every` the sql writes a row (parameters @round
    // and, with `parameter`/`values`, one value per round) and RETURNs its key; a GET of `request`
    // sent `within` later must hold an element whose fields[0] equals that key.
    public string? Every { get; init; }
    public string? Within { get; init; }

    /// <summary>Fields of a probe's own (see ICheckProbe.SettingsType); the validator refuses any the probe does not declare.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    private static readonly JsonSerializerOptions SettingsOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The criterion's fields read as a probe's settings type.</summary>
    public T SettingsAs<T>() => JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToElement(this, SettingsOptions), SettingsOptions)!;
}
