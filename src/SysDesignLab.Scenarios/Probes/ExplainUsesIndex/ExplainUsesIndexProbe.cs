using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Probes.ExplainUsesIndex;

/// <summary>"explain-uses-index": EXPLAINs the SQL and requires an index, not a sequential scan (see <see cref="ExplainProbe"/>).</summary>
public sealed class ExplainUsesIndexProbe : ICheckProbe
{
    public string Name => "explain-uses-index";
    public ProbePhase Phase => ProbePhase.BeforeLoad;

    public void Validate(CriterionSpec c, ManifestCheck check, string at)
    {
        check.Require(c.Sql, $"{at}.sql");
        if (c.Tables.Count == 0)
        {
            check.Fail($"{at}.tables", "is empty; list the tables that must not be read with a sequential scan.");
        }
        if (c.Parameter is not null && c.Values.Count == 0)
        {
            check.Fail($"{at}.values", "is empty; list the parameter values to explain the query with.");
        }
        if (c.MaxPagesRead is <= 0)
        {
            check.Fail($"{at}.maxPagesRead", $"is {c.MaxPagesRead}; it must be a positive number of pages.");
        }
    }

    public async Task<CriterionResult> RunAsync(CriterionSpec criterion, ProbeContext context, CancellationToken cancellationToken) =>
        context.Database is { } database
            ? await ExplainProbe.RunAsync(criterion, database, cancellationToken)
            : ProbeContext.NoDatabase(criterion);
}
