using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Probes.FreshWrites;

/// <summary>
/// "fresh-writes": writes while the load runs and reads each write back through the app (see
/// <see cref="FreshnessProbe"/>): a snapshot or a cache that is never invalidated answers like a
/// correct app until the data changes.
/// </summary>
public sealed class FreshWritesProbe : ICheckProbe
{
    public string Name => "fresh-writes";
    public ProbePhase Phase => ProbePhase.DuringLoad;

    public void Validate(CriterionSpec c, ManifestCheck check, string at)
    {
        check.Require(c.Sql, $"{at}.sql");
        check.Require(c.Request, $"{at}.request");
        check.RequireDuration(c.Every, $"{at}.every", allowZero: false);
        check.RequireDuration(c.Within, $"{at}.within", allowZero: false);
        if (c.Fields.Count != 1)
        {
            check.Fail($"{at}.fields", "must name one field: the JSON field that holds the key the write SQL returns.");
        }
        if (c.Parameter is not null && (c.Values.Count == 0 || !c.Request!.Contains($"{{{c.Parameter}}}", StringComparison.Ordinal)))
        {
            check.Fail($"{at}.parameter", $"needs values and a {{{c.Parameter}}} in the request.");
        }
    }

    public async Task<CriterionResult> RunAsync(CriterionSpec criterion, ProbeContext context, CancellationToken cancellationToken)
    {
        if (context.Database is not { } database)
        {
            return ProbeContext.NoDatabase(criterion);
        }
        var probe = FreshnessProbe.Start(criterion, context.Http, context.AppUrl, database, context.Time);
        using var untilLoadEnds = CancellationTokenSource.CreateLinkedTokenSource(context.LoadEnded, cancellationToken);
        try
        {
            await Task.Delay(Timeout.Infinite, untilLoadEnds.Token);
        }
        catch (OperationCanceledException)
        {
            // The load is over (or the check was cancelled): either way the writer stops now.
        }
        return await probe.StopAsync();
    }
}
