using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Probes.SqlGroundTruth;

/// <summary>"sql-ground-truth": requests the idle app and compares its answer with what the SQL returns (see <see cref="GroundTruthProbe"/>).</summary>
public sealed class SqlGroundTruthProbe : ICheckProbe
{
    public string Name => "sql-ground-truth";
    public ProbePhase Phase => ProbePhase.BeforeLoad;

    public void Validate(CriterionSpec c, ManifestCheck check, string at)
    {
        check.Require(c.Sql, $"{at}.sql");
        check.Require(c.Request, $"{at}.request");
        check.Require(c.Parameter, $"{at}.parameter");
        if (c.Values.Count == 0)
        {
            check.Fail($"{at}.values", "is empty; list the parameter values to probe.");
        }
        if (c.Fields.Count == 0)
        {
            check.Fail($"{at}.fields", "is empty; list the fields to compare.");
        }
        if (!c.Request!.Contains($"{{{c.Parameter}}}", StringComparison.Ordinal))
        {
            check.Fail($"{at}.request", $"'{c.Request}' does not contain {{{c.Parameter}}}.");
        }
    }

    public async Task<CriterionResult> RunAsync(CriterionSpec criterion, ProbeContext context, CancellationToken cancellationToken) =>
        context.Database is { } database
            ? await GroundTruthProbe.RunAsync(criterion, context.Http, context.AppUrl, database, cancellationToken)
            : ProbeContext.NoDatabase(criterion);
}
