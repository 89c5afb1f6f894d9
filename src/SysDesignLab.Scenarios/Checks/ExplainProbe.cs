using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>
/// The right way, for indexes: asks PostgreSQL's planner how it would run the endpoint's query on
/// the app's database (with the indexes the learner created) and fails on a sequential scan of a
/// listed table. With <c>maxPagesRead</c> it also runs the query (EXPLAIN ANALYZE, BUFFERS) and
/// fails when it touched more pages than that: an index whose columns come in the wrong order avoids
/// a sequential scan yet still walks through most of the index.
/// </summary>
public static class ExplainProbe
{
    public static async Task<CriterionResult> RunAsync(CriterionSpec criterion, PostgresDatabase database, CancellationToken cancellationToken)
    {
        var expected = criterion.MaxPagesRead is { } bound ? $"no sequential scan, at most {bound:#,0} pages read" : "no sequential scan";
        await using var connection = await database.OpenAsync(cancellationToken);
        var parameterSets = criterion.Parameter is null
            ? [new Dictionary<string, object>()]
            : criterion.Values.Select(v => new Dictionary<string, object> { [criterion.Parameter] = ProbeValue.ToSql(v) }).ToList();
        QueryPlan? last = null;
        foreach (var parameters in parameterSets)
        {
            last = await QueryPlan.ExplainAsync(connection, criterion.Sql!, parameters, cancellationToken, analyze: criterion.MaxPagesRead is not null);
            var with = parameters.Count == 0 ? "" : $" (with {string.Join(", ", parameters.Select(p => $"{p.Key} = {p.Value}"))})";
            if (!last.AvoidsSequentialScansOn(criterion.Tables))
            {
                return new CriterionResult(criterion.Name, criterion.Kind, false, expected, $"{last}{with}", criterion.Where);
            }
            if (criterion.MaxPagesRead is { } max && last.PagesRead > max)
            {
                return new CriterionResult(criterion.Name, criterion.Kind, false, expected, $"{last} read {last.PagesRead:#,0} pages{with}", criterion.Where);
            }
        }
        return new CriterionResult(criterion.Name, criterion.Kind, true, expected, last?.ToString() ?? "", criterion.Where);
    }
}
