using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SysDesignLab.Progress;

/// <summary>
/// Creates and upgrades the tables. <c>PRAGMA user_version</c> records how far a file has been
/// migrated; a later version appends a script to <see cref="Migrations"/> and never edits an old one,
/// because learners' files in the wild were built by the old scripts.
/// </summary>
internal static class ProgressSchema
{
    // Migrations[n] takes a file from version n to n + 1.
    private static readonly string[] Migrations =
    [
        """
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
        """,
        // 2: baselines keep every figure (older rows keep NULLs: "not recorded"); step timings for
        // the estimates; the learner's predictions.
        """
        ALTER TABLE baselines ADD COLUMN requests        INTEGER;
        ALTER TABLE baselines ADD COLUMN failed_requests INTEGER;
        ALTER TABLE baselines ADD COLUMN p50_ms          REAL;
        ALTER TABLE baselines ADD COLUMN p99_ms          REAL;
        ALTER TABLE baselines ADD COLUMN max_ms          REAL;
        ALTER TABLE baselines ADD COLUMN errors_json     TEXT;

        CREATE TABLE step_times (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            scenario_id TEXT    NOT NULL,
            step        TEXT    NOT NULL,
            seconds     REAL    NOT NULL CHECK (seconds >= 0),
            at          TEXT    NOT NULL
        );
        CREATE INDEX step_times_by_step ON step_times (scenario_id, step, id);

        CREATE TABLE predictions (
            id           INTEGER PRIMARY KEY AUTOINCREMENT,
            scenario_id  TEXT    NOT NULL,
            at           TEXT    NOT NULL,
            success_rate REAL    NOT NULL CHECK (success_rate BETWEEN 0 AND 1),
            p95_ms       REAL    NOT NULL CHECK (p95_ms > 0),
            why          TEXT    NOT NULL
        );
        CREATE INDEX predictions_by_scenario ON predictions (scenario_id, id);
        """,
    ];

    public static int CurrentVersion => Migrations.Length;

    public static void Migrate(SqliteConnection connection, string path)
    {
        if (ReadVersion(connection, null, path) == CurrentVersion)
        {
            return;
        }

        // IMMEDIATE so two sdlab processes opening a fresh file queue up instead of both migrating;
        // the version is read again because the other one may have finished while we waited.
        using var transaction = connection.BeginTransaction(deferred: false);
        for (var version = ReadVersion(connection, transaction, path); version < CurrentVersion; version++)
        {
            Execute(connection, transaction, Migrations[version]);
        }
        Execute(connection, transaction,
            "PRAGMA user_version = " + CurrentVersion.ToString(CultureInfo.InvariantCulture));
        transaction.Commit();
    }

    private static int ReadVersion(SqliteConnection connection, SqliteTransaction? transaction, string path)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version";
        var version = Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        if (version > CurrentVersion || version < 0)
        {
            throw new ProgressStoreException(
                $"The progress database '{path}' was written by a newer version of sdlab (schema {version}, "
                + $"this version understands up to {CurrentVersion}). Update sdlab, or delete the file to "
                + "start over.", path);
        }
        return version;
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        // Not ExecuteNonQuery: it silently stops after a statement that returns rows (a PRAGMA, say),
        // which would leave a later migration half-applied. NextResult runs, and reports, every one.
        using var reader = command.ExecuteReader();
        while (reader.NextResult())
        {
        }
    }
}
