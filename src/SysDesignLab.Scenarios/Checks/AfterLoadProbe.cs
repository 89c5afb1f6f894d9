using System.Globalization;
using Npgsql;
using SysDesignLab.LoadTesting;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>
/// Correctness that only exists after the load: e.g. "items claimed == stock" once every request is
/// answered and the app has stopped, so nothing is still in flight when the database is read.
/// </summary>
public static class AfterLoadProbe
{
    public static async Task<CriterionResult> RunAsync(CriterionSpec criterion, PostgresDatabase database, CancellationToken cancellationToken)
    {
        var expected = $"{criterion.Op} {Format(criterion.Value!.Value)}";
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(criterion.Sql, connection);
        object? value;
        try
        {
            value = await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (PostgresException e)
        {
            // The schema is the lab's, but the learner may have changed it: say what broke, not a stack trace.
            return new CriterionResult(criterion.Name, criterion.Kind, false, expected, $"the query failed: {e.MessageText}", criterion.Where);
        }
        if (value is null or DBNull)
        {
            return new CriterionResult(criterion.Name, criterion.Kind, false, expected, "no value (the query returned no row)", criterion.Where);
        }
        var actual = Convert.ToDouble(value, CultureInfo.InvariantCulture);
        var passed = ThresholdEvaluator.Compare(actual, criterion.Op!, criterion.Value.Value);
        return new CriterionResult(criterion.Name, criterion.Kind, passed, expected, Format(actual), criterion.Where);
    }

    private static string Format(double value) => value.ToString("#,0.###", CultureInfo.InvariantCulture);
}
