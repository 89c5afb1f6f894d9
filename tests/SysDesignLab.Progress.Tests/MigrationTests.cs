using Microsoft.Data.Sqlite;

namespace SysDesignLab.Progress.Tests;

/// <summary>A learner's file written by the first schema opens in this version with nothing lost.</summary>
public sealed class MigrationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_schema_1_file_is_migrated_and_keeps_attempts_help_and_baselines()
    {
        var path = _temp.Combine("progress.db");
        WriteSchema1File(path);

        using var store = ProgressStore.Open(path);

        var attempt = Assert.Single(store.GetAttempts("s1"));
        Assert.Equal("{\"a\":1}", attempt.ResultJson);
        Assert.True(attempt.Passed);
        Assert.Equal(2, store.Get("s1").HintsShown);
        var baseline = store.GetBaseline("s1", "hash");
        Assert.NotNull(baseline);
        Assert.Equal((12.5, 100.25, 4900.0, 0.125), (baseline.Goodput, baseline.Rps, baseline.P95Ms, baseline.SuccessRate));
        // Figures the old version never kept read as not recorded, not as zero.
        Assert.False(baseline.IsComplete);
        Assert.Null(baseline.Requests);
        Assert.Null(baseline.P50Ms);
        Assert.Null(baseline.Errors);
        Assert.Equal(2L, Scalar(path, "PRAGMA user_version"));
    }

    [Fact]
    public void A_migrated_file_takes_full_baselines_step_times_and_predictions()
    {
        var path = _temp.Combine("progress.db");
        WriteSchema1File(path);

        using (var store = ProgressStore.Open(path))
        {
            store.SaveBaseline(store.GetBaseline("s1", "hash")! with
            {
                Requests = 400, FailedRequests = 350, P50Ms = 5000, P99Ms = 5010, MaxMs = 5020,
                Errors = new BaselineErrors(0, 350, 0, 0, 0, 0, 0),
            });
            store.RecordStepTime("s1", "measure", TimeSpan.FromSeconds(31));
            store.RecordPrediction("s1", 0.95, 200, "it is a small app");
        }

        using var reopened = ProgressStore.Open(path);
        Assert.True(reopened.GetBaseline("s1", "hash")!.IsComplete);
        Assert.Equal(TimeSpan.FromSeconds(31), Assert.Single(reopened.GetStepTimes("s1", "measure", 5)).Duration);
        Assert.Equal("it is a small app", reopened.GetPrediction("s1")!.Why);
    }

    // Exactly what sdlab wrote before schema 2: the first migration's tables and some rows.
    private static void WriteSchema1File(string path)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            CREATE TABLE attempts (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                scenario_id TEXT    NOT NULL,
                at          TEXT    NOT NULL,
                passed      INTEGER NOT NULL CHECK (passed IN (0, 1)),
                result_json TEXT    NOT NULL
            );
            CREATE INDEX attempts_by_scenario ON attempts (scenario_id, id);
            CREATE TABLE scenario_help (
                scenario_id       TEXT    NOT NULL PRIMARY KEY,
                hints_shown       INTEGER NOT NULL DEFAULT 0,
                solution_revealed INTEGER NOT NULL DEFAULT 0 CHECK (solution_revealed IN (0, 1))
            ) WITHOUT ROWID;
            CREATE TABLE baselines (
                scenario_id  TEXT NOT NULL,
                source_hash  TEXT NOT NULL,
                goodput      REAL NOT NULL,
                rps          REAL NOT NULL,
                p95_ms       REAL NOT NULL,
                success_rate REAL NOT NULL,
                measured_at  TEXT NOT NULL,
                PRIMARY KEY (scenario_id, source_hash)
            ) WITHOUT ROWID;
            INSERT INTO attempts (scenario_id, at, passed, result_json) VALUES ('s1', '2025-05-02T08:00:00.0000000+00:00', 1, '{"a":1}');
            INSERT INTO scenario_help (scenario_id, hints_shown) VALUES ('s1', 2);
            INSERT INTO baselines VALUES ('s1', 'hash', 12.5, 100.25, 4900, 0.125, '2025-05-01T08:00:00.0000000+00:00');
            PRAGMA user_version = 1;
            """;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
