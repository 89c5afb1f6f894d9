using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SysDesignLab.Scenarios.Manifest;

/// <summary>
/// One pass/fail rule of a check. Either a metric compared with a value
/// (<c>"metric": "p95Ms", "op": "&lt;=", "value": 250</c>) or a probe (<c>"probe": "sql-ground-truth"</c>).
/// </summary>
[Description("One pass/fail rule of a check: a metric compared with a value, or a probe.")]
public sealed class CriterionSpec
{
    [Description("What the criterion checks, as shown in the results.")]
    public string Name { get; init; } = "";
    /// <summary>performance, correctness or right-way.</summary>
    [Description("What the criterion judges: performance, correctness or right-way.")]
    public string Kind { get; init; } = "";
    [Description("The measured figure compared with value (when there is no probe).")]
    public string? Metric { get; init; }
    [Description("How the metric (or the probe's number) compares with value.")]
    public string? Op { get; init; }
    [Description("The number the metric (or sql-after-load's result) is compared with.")]
    public double? Value { get; init; }
    /// <summary>Judge the metric over this endpoint's requests only (see LoadMetrics.PerEndpoint).</summary>
    [Description("Judge the metric over this endpoint's requests only.")]
    public string? Endpoint { get; init; }
    [Description("A probe to run instead of comparing a metric.")]
    public string? Probe { get; init; }
    /// <summary>
    /// For scenario authors and reviewers: why the bound is where it is (what the concept forbids,
    /// and which other correct designs it leaves room for). Not shown to the learner.
    /// </summary>
    [Description("For scenario authors and reviewers: why the bound is where it is (what the concept forbids, and which other correct designs it leaves room for). Not shown to the learner.")]
    public string? Why { get; init; }
    /// <summary>
    /// Where to look when the criterion fails, shown to the learner: one text, or one per failure cause
    /// (see <see cref="WhereMessages"/>) so the advice follows what the run saw.
    /// </summary>
    [Description("Where to look when the criterion fails, shown to the learner: one text for every cause, or an object with one text per cause the run may fail by (crash, timeouts, wrongBody, connection, serverError, clientError, otherErrors, slow) and a default for the others; a cause with no text gets the lab's own description of what happened.")]
    public WhereMessages Where { get; init; } = WhereMessages.FromString("");

    // sql-ground-truth probe: request the app and compare with what the SQL returns.
    [Description("sql-ground-truth, fresh-writes: the app path to request; {parameter} is replaced by each value.")]
    public string? Request { get; init; }
    [Description("The parameter set to each of values: {name} in request, @name in sql.")]
    public string? Parameter { get; init; }
    [Description("The parameter's values, one probe round each.")]
    public List<JsonElement> Values { get; init; } = [];
    [Description("The SQL the probe runs on the app's database.")]
    public string? Sql { get; init; }
    [Description("sql-ground-truth: the fields compared, row by row, with the app's JSON; fresh-writes: the one field holding the key the write returns.")]
    public List<string> Fields { get; init; } = [];

    // sql-after-load probe: once the load is over and the app has stopped, run the sql (one number)
    // and compare it with op and value, e.g. items claimed == stock; or with the number expectedSql
    // returns then, when the check's own writes moved the target (stock restocked during the run).
    [Description("sql-after-load: SQL whose number after the load is the expected value, when the check's own writes moved the target; give op and no value.")]
    public string? ExpectedSql { get; init; }

    // explain-uses-index probe: EXPLAIN the sql (for each value, if a parameter is given) and
    // require that none of these tables is read with a sequential scan.
    [Description("explain-uses-index: tables that must not be read with a sequential scan.")]
    public List<string> Tables { get; init; } = [];
    /// <summary>With it, the query is also run (EXPLAIN ANALYZE, BUFFERS) and may touch no more 8 kB pages.</summary>
    [Description("explain-uses-index: also run the query, and allow it to touch at most this many 8 kB pages.")]
    public long? MaxPagesRead { get; init; }

    // fresh-writes probe: while the load runs, every `every` the sql writes a row (parameters @round
    // and, with `parameter`/`values`, one value per round) and RETURNs its key; a GET of `request`
    // sent `within` later must hold an element whose fields[0] equals that key.
    [Description("fresh-writes: how often the sql writes a row while the load runs.")]
    public string? Every { get; init; }
    [Description("fresh-writes: how soon after a write a GET of request must show it.")]
    public string? Within { get; init; }

    // fresh-http-writes probe: the write goes through the app, like a user's (see Probes/CacheFreshness).
    [Description("fresh-http-writes: the write's HTTP method (POST, PUT, PATCH or DELETE; POST when left out).")]
    public string? WriteMethod { get; init; }
    [Description("fresh-http-writes: the app path the write is sent to; {parameter} is replaced by each value.")]
    public string? WriteRequest { get; init; }
    [Description("fresh-http-writes: the write's JSON body, if any; {parameter} is replaced by each value.")]
    public string? WriteBody { get; init; }

    /// <summary>Fields of a probe's own (see ICheckProbe.SettingsType); the validator refuses any the probe does not declare.</summary>
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; init; }

    private static readonly JsonSerializerOptions SettingsOptions = new(JsonSerializerDefaults.Web);

    /// <summary>The criterion's fields read as a probe's settings type.</summary>
    public T SettingsAs<T>() => JsonSerializer.Deserialize<T>(JsonSerializer.SerializeToElement(this, SettingsOptions), SettingsOptions)!;
}
