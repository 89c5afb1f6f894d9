using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace SysDesignLab.Progress;

public sealed partial class ProgressStore
{
    private const string BaselineColumns =
        "scenario_id, source_hash, goodput, rps, p95_ms, success_rate, measured_at, requests, failed_requests, p50_ms, p99_ms, max_ms, errors_json";

    /// <summary>The baseline measured on exactly this naive source, or null if there is none yet.</summary>
    public Baseline? GetBaseline(string scenarioId, string sourceHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenarioId);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceHash);
        return ReadBaselines($"SELECT {BaselineColumns} FROM baselines WHERE scenario_id = $id AND source_hash = $hash",
            ("$id", scenarioId), ("$hash", sourceHash)).SingleOrDefault();
    }

    /// <summary>Every baseline kept for the scenario (one per naive source and check profile), the most recently measured first.</summary>
    public IReadOnlyList<Baseline> GetBaselines(string scenarioId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenarioId);
        return ReadBaselines($"SELECT {BaselineColumns} FROM baselines WHERE scenario_id = $id ORDER BY measured_at DESC",
            ("$id", scenarioId));
    }

    /// <summary>Stores the baseline, replacing any earlier one for the same scenario and source hash.</summary>
    public void SaveBaseline(Baseline baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentException.ThrowIfNullOrWhiteSpace(baseline.ScenarioId, nameof(baseline));
        ArgumentException.ThrowIfNullOrWhiteSpace(baseline.SourceHash, nameof(baseline));
        // SQLite stores NaN as NULL, so a failed measurement must be rejected here, not half-saved.
        double?[] figures = [baseline.Goodput, baseline.Rps, baseline.P95Ms, baseline.SuccessRate, baseline.P50Ms, baseline.P99Ms, baseline.MaxMs];
        if (figures.Any(f => f is { } value && !double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(nameof(baseline), baseline, "Baseline figures must be finite numbers.");
        }
        Execute($"""
            INSERT INTO baselines ({BaselineColumns})
            VALUES ($id, $hash, $goodput, $rps, $p95, $success, $at, $requests, $failed, $p50, $p99, $max, $errors)
            ON CONFLICT (scenario_id, source_hash) DO UPDATE SET
                goodput = excluded.goodput, rps = excluded.rps, p95_ms = excluded.p95_ms,
                success_rate = excluded.success_rate, measured_at = excluded.measured_at,
                requests = excluded.requests, failed_requests = excluded.failed_requests, p50_ms = excluded.p50_ms,
                p99_ms = excluded.p99_ms, max_ms = excluded.max_ms, errors_json = excluded.errors_json
            """,
            ("$id", baseline.ScenarioId), ("$hash", baseline.SourceHash), ("$goodput", baseline.Goodput),
            ("$rps", baseline.Rps), ("$p95", baseline.P95Ms), ("$success", baseline.SuccessRate),
            ("$at", StoredTime.ToText(baseline.MeasuredAt)),
            ("$requests", Nullable(baseline.Requests)), ("$failed", Nullable(baseline.FailedRequests)),
            ("$p50", Nullable(baseline.P50Ms)), ("$p99", Nullable(baseline.P99Ms)), ("$max", Nullable(baseline.MaxMs)),
            ("$errors", baseline.Errors is { } errors ? JsonSerializer.Serialize(errors) : DBNull.Value));
    }

    private List<Baseline> ReadBaselines(string sql, params ReadOnlySpan<(string Name, object Value)> parameters)
    {
        var copy = parameters.ToArray();
        return Run(connection =>
        {
            using var command = SqliteCommands.Create(connection, null, sql, copy);
            using var reader = command.ExecuteReader();
            var baselines = new List<Baseline>();
            while (reader.Read())
            {
                baselines.Add(ReadBaseline(reader));
            }
            return baselines;
        });
    }

    private static Baseline ReadBaseline(SqliteDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3), reader.GetDouble(4),
            reader.GetDouble(5), StoredTime.FromText(reader.GetString(6)))
        {
            Requests = reader.IsDBNull(7) ? null : reader.GetInt64(7),
            FailedRequests = reader.IsDBNull(8) ? null : reader.GetInt64(8),
            P50Ms = reader.IsDBNull(9) ? null : reader.GetDouble(9),
            P99Ms = reader.IsDBNull(10) ? null : reader.GetDouble(10),
            MaxMs = reader.IsDBNull(11) ? null : reader.GetDouble(11),
            Errors = reader.IsDBNull(12) ? null : ReadErrors(reader.GetString(12)),
        };

    // A value another version wrote and this one cannot read is "not recorded", not an error.
    private static BaselineErrors? ReadErrors(string json)
    {
        try
        {
            return JsonSerializer.Deserialize<BaselineErrors>(json);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static object Nullable<T>(T? value) where T : struct => value is { } v ? v : DBNull.Value;
}
