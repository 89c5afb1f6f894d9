using System.Globalization;
using Npgsql;
using SysDesignLab.LoadTesting;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>
/// Correctness that only exists after the load: e.g. "items claimed == stock" once every request is
/// answered and the app has stopped, so nothing is still in flight when the database is read. The
/// expected value is the manifest's, or read by <c>expectedSql</c> when the check's own writes moved
/// it during the run (stock added while the drop sells).
/// </summary>
public static class AfterLoadProbe
{
    public static async Task<CriterionResult> RunAsync(CriterionSpec criterion, PostgresDatabase database, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        var target = criterion.Value;
        if (criterion.ExpectedSql is not null)
        {
            var (expectedValue, expectedError) = await ScalarAsync(connection, criterion.ExpectedSql, cancellationToken);
            if (expectedValue is null)
            {
                return Result(criterion, false, $"{criterion.Op} the value of expectedSql", $"the expected value could not be read: {expectedError}");
            }
            target = expectedValue;
        }
        var expected = $"{criterion.Op} {Format(target!.Value)}";
        var (actual, error) = await ScalarAsync(connection, criterion.Sql!, cancellationToken);
        if (actual is null)
        {
            return Result(criterion, false, expected, error);
        }
        return Result(criterion, ThresholdEvaluator.Compare(actual.Value, criterion.Op!, target.Value), expected, Format(actual.Value));
    }

    private static async Task<(double? Value, string Error)> ScalarAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        try
        {
            var value = await command.ExecuteScalarAsync(cancellationToken);
            return value is null or DBNull
                ? (null, "no value (the query returned no row)")
                : (Convert.ToDouble(value, CultureInfo.InvariantCulture), "");
        }
        catch (PostgresException e)
        {
            // The schema is the lab's, but the learner may have changed it: say what broke, not a stack trace.
            return (null, $"the query failed: {e.MessageText}");
        }
    }

    private static CriterionResult Result(CriterionSpec criterion, bool passed, string expected, string actual) =>
        new(criterion.Name, criterion.Kind, passed, expected, actual, criterion.Where);

    private static string Format(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}
