namespace SysDesignLab.Progress;

public sealed partial class ProgressStore
{
    /// <summary>Keeps how long a step took, so the next one can say how long it should take.</summary>
    public void RecordStepTime(string scenarioId, string step, TimeSpan duration)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenarioId);
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        Execute("INSERT INTO step_times (scenario_id, step, seconds, at) VALUES ($id, $step, $seconds, $at)",
            ("$id", scenarioId), ("$step", step), ("$seconds", duration.TotalSeconds),
            ("$at", StoredTime.ToText(_time.GetUtcNow())));
    }

    /// <summary>The last <paramref name="count"/> times of a step of a scenario, newest first.</summary>
    public IReadOnlyList<StepTime> GetStepTimes(string scenarioId, string step, int count)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenarioId);
        ArgumentException.ThrowIfNullOrWhiteSpace(step);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return Run(connection =>
        {
            using var command = SqliteCommands.Create(connection, null,
                "SELECT seconds, at FROM step_times WHERE scenario_id = $id AND step = $step ORDER BY id DESC LIMIT $count",
                ("$id", scenarioId), ("$step", step), ("$count", count));
            using var reader = command.ExecuteReader();
            var times = new List<StepTime>();
            while (reader.Read())
            {
                times.Add(new StepTime(scenarioId, step, TimeSpan.FromSeconds(reader.GetDouble(0)), StoredTime.FromText(reader.GetString(1))));
            }
            return times;
        });
    }

    /// <summary>Records what the learner expects; the latest prediction is the one that counts, earlier ones are kept.</summary>
    public Prediction RecordPrediction(string scenarioId, double successRate, double p95Ms, string why)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenarioId);
        ArgumentNullException.ThrowIfNull(why);
        if (!double.IsFinite(successRate) || successRate is < 0 or > 1)
        {
            throw new ArgumentOutOfRangeException(nameof(successRate), successRate, "A success rate is between 0 and 1.");
        }
        if (!double.IsFinite(p95Ms) || p95Ms <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(p95Ms), p95Ms, "A p95 latency is more than 0 ms.");
        }
        var at = StoredTime.Normalise(_time.GetUtcNow());
        var id = Write((connection, transaction) =>
        {
            using var command = SqliteCommands.Create(connection, transaction,
                "INSERT INTO predictions (scenario_id, at, success_rate, p95_ms, why) VALUES ($id, $at, $success, $p95, $why) RETURNING id",
                ("$id", scenarioId), ("$at", StoredTime.ToText(at)), ("$success", successRate), ("$p95", p95Ms), ("$why", why));
            return (long)command.ExecuteScalar()!;
        });
        return new Prediction(id, scenarioId, at, successRate, p95Ms, why);
    }

    /// <summary>The scenario's predictions, oldest first; the last one is the one that counts.</summary>
    public IReadOnlyList<Prediction> GetPredictions(string scenarioId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(scenarioId);
        return Run(connection =>
        {
            using var command = SqliteCommands.Create(connection, null,
                "SELECT id, at, success_rate, p95_ms, why FROM predictions WHERE scenario_id = $id ORDER BY id",
                ("$id", scenarioId));
            using var reader = command.ExecuteReader();
            var predictions = new List<Prediction>();
            while (reader.Read())
            {
                predictions.Add(new Prediction(reader.GetInt64(0), scenarioId, StoredTime.FromText(reader.GetString(1)),
                    reader.GetDouble(2), reader.GetDouble(3), reader.GetString(4)));
            }
            return predictions;
        });
    }

    /// <summary>The prediction that counts (the latest), or null when the learner has made none.</summary>
    public Prediction? GetPrediction(string scenarioId) => GetPredictions(scenarioId).LastOrDefault();
}
