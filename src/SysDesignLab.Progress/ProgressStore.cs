using System.Globalization;
using Microsoft.Data.Sqlite;

namespace SysDesignLab.Progress;

/// <summary>
/// The learner's progress, kept in a local SQLite file that survives the process being killed at any
/// moment: WAL journal, <c>synchronous=FULL</c>, and each change in its own transaction, so a crash
/// leaves either the whole change or none of it. Several sdlab processes may open the same file;
/// a writer waits (up to a busy timeout) for another instead of failing.
/// Storage failures surface as <see cref="ProgressStoreException"/> with a message for the learner.
/// One instance is safe to share between threads; calls are serialised.
/// </summary>
public sealed partial class ProgressStore : IDisposable
{
    private readonly Lock _gate = new();
    private readonly SqliteConnection _connection;
    private readonly TimeProvider _time;
    private bool _disposed;

    private ProgressStore(SqliteConnection connection, string databasePath, TimeProvider time)
    {
        _connection = connection;
        _time = time;
        DatabasePath = databasePath;
    }

    /// <summary>The full path of the database file.</summary>
    public string DatabasePath { get; }

    /// <summary>
    /// Opens the store, creating the folder and the file if missing and bringing the schema up to date.
    /// </summary>
    /// <exception cref="ProgressStoreException">
    /// The file is not a usable progress database (damaged, not SQLite, written by a newer sdlab) or
    /// cannot be created; the message names the path and says it can be deleted to start over.
    /// </exception>
    public static ProgressStore Open(string databasePath, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        var path = Path.GetFullPath(databasePath);
        return new ProgressStore(ProgressConnection.Open(path), path, timeProvider ?? TimeProvider.System);
    }

    /// <summary>The standing on one scenario; all zeros for a scenario never seen.</summary>
    public ScenarioProgress Get(string scenarioId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenarioId);
        return Run(connection =>
        {
            using var command = SqliteCommands.Create(
                connection, null, ProgressQuery("SELECT $id AS scenario_id"), ("$id", scenarioId));
            using var reader = command.ExecuteReader();
            return reader.Read() ? ReadProgress(reader) : ScenarioProgress.Empty(scenarioId);
        });
    }

    /// <summary>Every scenario with at least one attempt or some help taken, keyed by id.</summary>
    public IReadOnlyDictionary<string, ScenarioProgress> GetAll() => Run(connection =>
    {
        using var command = SqliteCommands.Create(connection, null, ProgressQuery(
            "SELECT scenario_id FROM attempts UNION SELECT scenario_id FROM scenario_help"));
        using var reader = command.ExecuteReader();
        var all = new Dictionary<string, ScenarioProgress>(StringComparer.Ordinal);
        while (reader.Read())
        {
            var progress = ReadProgress(reader);
            all[progress.ScenarioId] = progress;
        }
        return all;
    });

    /// <summary>Appends an attempt stamped with the current time; <paramref name="resultJson"/> is kept verbatim.</summary>
    public Attempt RecordAttempt(string scenarioId, bool passed, string resultJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenarioId);
        ArgumentNullException.ThrowIfNull(resultJson);
        var at = StoredTime.Normalise(_time.GetUtcNow());
        var id = Write((connection, transaction) =>
        {
            using var command = SqliteCommands.Create(connection, transaction,
                "INSERT INTO attempts (scenario_id, at, passed, result_json) VALUES ($id, $at, $passed, $json) RETURNING id",
                ("$id", scenarioId), ("$at", StoredTime.ToText(at)), ("$passed", passed), ("$json", resultJson));
            return (long)command.ExecuteScalar()!;
        });
        return new Attempt(id, scenarioId, at, passed, resultJson);
    }

    /// <summary>The scenario's attempts, oldest first.</summary>
    public IReadOnlyList<Attempt> GetAttempts(string scenarioId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenarioId);
        return Run(connection =>
        {
            using var command = SqliteCommands.Create(connection, null,
                "SELECT id, at, passed, result_json FROM attempts WHERE scenario_id = $id ORDER BY id",
                ("$id", scenarioId));
            using var reader = command.ExecuteReader();
            var attempts = new List<Attempt>();
            while (reader.Read())
            {
                attempts.Add(new Attempt(reader.GetInt64(0), scenarioId, StoredTime.FromText(reader.GetString(1)),
                    reader.GetBoolean(2), reader.GetString(3)));
            }
            return attempts;
        });
    }

    /// <summary>
    /// Records that one more hint was shown and returns the 0-based index of the hint to show now:
    /// 0 the first time, then 1, 2, ... and, once all have been shown, the last one again.
    /// Returns null when the scenario has no hints.
    /// </summary>
    public int? RevealNextHint(string scenarioId, int hintCount)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenarioId);
        ArgumentOutOfRangeException.ThrowIfNegative(hintCount);
        if (hintCount == 0)
        {
            return null;
        }
        // MIN also copes with a scenario whose hint list shrank after hints were shown.
        var shown = Write((connection, transaction) =>
        {
            using var command = SqliteCommands.Create(connection, transaction,
                """
                INSERT INTO scenario_help (scenario_id, hints_shown) VALUES ($id, 1)
                ON CONFLICT (scenario_id) DO UPDATE SET hints_shown = MIN(hints_shown + 1, $count)
                RETURNING hints_shown
                """,
                ("$id", scenarioId), ("$count", hintCount));
            return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
        });
        return shown - 1;
    }

    public void MarkSolutionRevealed(string scenarioId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenarioId);
        Execute("""
            INSERT INTO scenario_help (scenario_id, solution_revealed) VALUES ($id, 1)
            ON CONFLICT (scenario_id) DO UPDATE SET solution_revealed = 1
            """, ("$id", scenarioId));
    }

    /// <summary>
    /// Starts the scenario's help over: hints shown and solution revealed are forgotten.
    /// The attempt history is deliberately kept (it is the learner's record, and a reset is about
    /// trying again, not about rewriting what happened), so <see cref="ScenarioProgress.Passed"/>
    /// and the attempt count survive a reset.
    /// </summary>
    public void ResetScenario(string scenarioId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenarioId);
        Execute("DELETE FROM scenario_help WHERE scenario_id = $id", ("$id", scenarioId));
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }
            _disposed = true;
            _connection.Dispose();
        }
    }

    // The help columns come from scenario_help; everything else is derived from attempts, ordered by id
    // rather than by timestamp so a clock that jumped backwards cannot reorder the learner's history.
    private static string ProgressQuery(string scenarioIds) => $"""
        WITH ids AS ({scenarioIds})
        SELECT ids.scenario_id,
               (SELECT COUNT(*) FROM attempts a WHERE a.scenario_id = ids.scenario_id),
               EXISTS (SELECT 1 FROM attempts a WHERE a.scenario_id = ids.scenario_id AND a.passed = 1),
               (SELECT a.at FROM attempts a WHERE a.scenario_id = ids.scenario_id AND a.passed = 1 ORDER BY a.id LIMIT 1),
               (SELECT a.at FROM attempts a WHERE a.scenario_id = ids.scenario_id ORDER BY a.id DESC LIMIT 1),
               COALESCE(h.hints_shown, 0),
               COALESCE(h.solution_revealed, 0)
        FROM ids LEFT JOIN scenario_help h ON h.scenario_id = ids.scenario_id
        """;

    private static ScenarioProgress ReadProgress(SqliteDataReader reader) => new(
        reader.GetString(0),
        reader.GetInt32(1),
        reader.GetBoolean(2),
        reader.IsDBNull(3) ? null : StoredTime.FromText(reader.GetString(3)),
        reader.IsDBNull(4) ? null : StoredTime.FromText(reader.GetString(4)),
        reader.GetInt32(5),
        reader.GetBoolean(6));

    private void Execute(string sql, params ReadOnlySpan<(string Name, object Value)> parameters)
    {
        var copy = parameters.ToArray();
        Write((connection, transaction) =>
        {
            using var command = SqliteCommands.Create(connection, transaction, sql, copy);
            return command.ExecuteNonQuery();
        });
    }

    // IMMEDIATE takes the write lock up front, so a concurrent writer waits in the busy handler
    // instead of failing when a read lock cannot be upgraded.
    private T Write<T>(Func<SqliteConnection, SqliteTransaction, T> work) => Run(connection =>
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var result = work(connection, transaction);
        transaction.Commit();
        return result;
    });

    private T Run<T>(Func<SqliteConnection, T> work)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            try
            {
                return work(_connection);
            }
            catch (SqliteException ex)
            {
                throw SqliteFailures.Translate(ex, DatabasePath);
            }
        }
    }
}
