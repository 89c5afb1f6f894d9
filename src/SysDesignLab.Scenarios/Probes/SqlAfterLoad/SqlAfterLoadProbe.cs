using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Probes.SqlAfterLoad;

/// <summary>"sql-after-load": once the load is over and the app stopped, compares one number the SQL returns (see <see cref="AfterLoadProbe"/>).</summary>
public sealed class SqlAfterLoadProbe : ICheckProbe
{
    public string Name => "sql-after-load";
    public ProbePhase Phase => ProbePhase.AfterLoad;

    public void Validate(CriterionSpec c, ManifestCheck check, string at)
    {
        check.Require(c.Sql, $"{at}.sql");
        if (c.ExpectedSql is null)
        {
            check.RequireComparison(c, at, "the SQL's result");
        }
        else if (c.Op is null || !KnownValues.Operators.Contains(c.Op) || c.Value is not null)
        {
            check.Fail($"{at}.expectedSql", $"needs an op (one of {string.Join(", ", KnownValues.Operators)}) and no value: the expected value is what expectedSql returns.");
        }
    }

    public async Task<CriterionResult> RunAsync(CriterionSpec criterion, ProbeContext context, CancellationToken cancellationToken) =>
        context.Database is { } database
            ? await AfterLoadProbe.RunAsync(criterion, database, cancellationToken)
            : ProbeContext.NoDatabase(criterion);
}
