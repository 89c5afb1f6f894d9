using SysDesignLab.LoadTesting;

namespace SysDesignLab.Scenarios.Manifest;

/// <summary>Checks a parsed manifest field by field; the first problem found is thrown.</summary>
internal sealed class ManifestValidator(string file, string directory, string id)
{
    public void Validate(ScenarioManifest m)
    {
        if (m.Id is not null && m.Id != id)
        {
            Fail("id", $"is '{m.Id}' but the folder is '{id}'; the folder name is the id, so remove the field or make them equal.");
        }
        Require(m.Title, "title");
        if (!KnownValues.Tiers.Contains(m.Tier))
        {
            Fail("tier", $"is '{m.Tier}'; expected one of {string.Join(", ", KnownValues.Tiers)}.");
        }
        if (m.Concepts.Count == 0)
        {
            Fail("concepts", "is empty; list the concepts this scenario teaches.");
        }
        if (m.Hints.Count == 0)
        {
            Fail("hints", "is empty; give at least one progressive hint.");
        }
        ValidateResources(m);
        ValidateApp(m.App);
        if (m.App!.Replicas > 1 && !m.Resources.Any(r => r.Kind == "loadbalancer"))
        {
            Fail("app.replicas", $"is {m.App.Replicas}, but nothing spreads requests over them: add {{ \"kind\": \"loadbalancer\", \"name\": \"lb\" }} to resources.");
        }
        ValidateLoad(m.Load, "load", requireEndpoints: true);
        ValidateLoad(m.Check, "check", requireEndpoints: false);
        ValidateCriteria(m.Check!, CheckEndpointNames(m));
    }

    /// <summary>The names a criterion's "endpoint" may use: the check's endpoints (or the load's) and the login.</summary>
    private static HashSet<string> CheckEndpointNames(ScenarioManifest m)
    {
        var names = m.CheckEndpoints().Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        var session = m.CheckSession();
        if (session is not null)
        {
            names.Add(LoadRunner.LoginName(session));
        }
        return names;
    }

    private void ValidateResources(ScenarioManifest m)
    {
        for (var i = 0; i < m.Resources.Count; i++)
        {
            var r = m.Resources[i];
            if (!KnownValues.ResourceKinds.Contains(r.Kind))
            {
                Fail($"resources[{i}].kind", $"is '{r.Kind}'; expected one of {string.Join(", ", KnownValues.ResourceKinds)}.");
            }
            Require(r.Name, $"resources[{i}].name");
        }
        var duplicate = m.Resources.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            Fail("resources", $"the name '{duplicate.Key}' is used twice.");
        }
        if (m.Resources.Any(r => r.Kind == "postgres"))
        {
            if (m.Database is null)
            {
                Fail("database", "is missing; a scenario with a postgres resource needs { name, schema, seed }.");
            }
            Require(m.Database!.Name, "database.name");
            RequireFile(m.Database.Schema, "database.schema");
            if (m.Database.Seed is not null)
            {
                RequireFile(m.Database.Seed, "database.seed");
            }
        }
    }

    private void ValidateApp(AppSpec? app)
    {
        if (app is null)
        {
            Fail("app", "is missing; give { project, solution, connectionString, health }.");
        }
        RequireFile(app!.Project, "app.project");
        RequireFile(app.Solution, "app.solution");
        if (app.Replicas < 1)
        {
            Fail("app.replicas", $"is {app.Replicas}; it must be at least 1.");
        }
        if (!app.Health.StartsWith('/'))
        {
            Fail("app.health", $"is '{app.Health}'; it must be a path starting with '/'.");
        }
    }

    private void ValidateLoad(LoadSpec? load, string field, bool requireEndpoints)
    {
        if (load is null)
        {
            Fail(field, "is missing.");
        }
        if (load!.Users <= 0)
        {
            Fail($"{field}.users", $"is {load.Users}; it must be at least 1.");
        }
        RequireDuration(load.Duration, $"{field}.duration", allowZero: false);
        RequireDuration(load.WarmUp, $"{field}.warmUp", allowZero: true);
        RequireDuration(load.Timeout, $"{field}.timeout", allowZero: false);
        if (requireEndpoints && load.Endpoints.Count == 0)
        {
            Fail($"{field}.endpoints", "is empty; give at least one endpoint.");
        }
        for (var i = 0; i < load.Endpoints.Count; i++)
        {
            var at = $"{field}.endpoints[{i}]";
            Require(load.Endpoints[i].Name, $"{at}.name");
            ValidateEndpoint(load.Endpoints[i], at);
        }
        var duplicate = load.Endpoints.GroupBy(e => e.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            Fail($"{field}.endpoints", $"the name '{duplicate.Key}' is used twice; results are reported per endpoint name.");
        }
        if (load.Session is { } session)
        {
            if (session.Login is null)
            {
                Fail($"{field}.session.login", "is missing; give the login request { method, path, body, expect }.");
            }
            Require(session.Capture, $"{field}.session.capture");
            ValidateEndpoint(session.Login, $"{field}.session.login");
            if (load.Endpoints.Any(e => e.Name == LoadRunner.LoginName(session)))
            {
                Fail($"{field}.session.login.name", $"'{LoadRunner.LoginName(session)}' is also an endpoint's name; give the login a name of its own.");
            }
        }
    }

    /// <summary>A criterion that compares a number: a known operator and the value to compare with.</summary>
    private void RequireComparison(CriterionSpec c, string at, string compared)
    {
        if (c.Op is null || !KnownValues.Operators.Contains(c.Op))
        {
            Fail($"{at}.op", $"is '{c.Op}'; expected one of {string.Join(", ", KnownValues.Operators)}.");
        }
        if (c.Value is null)
        {
            Fail($"{at}.value", $"is missing; give the number {compared} is compared with.");
        }
    }

    private void ValidateEndpoint(EndpointSpec e, string at)
    {
        if (string.IsNullOrEmpty(e.Path) || !e.Path.StartsWith('/'))
        {
            Fail($"{at}.path", $"is '{e.Path}'; it must start with '/'.");
        }
        if (e.Weight <= 0)
        {
            Fail($"{at}.weight", $"is {e.Weight}; it must be greater than 0.");
        }
        if (e.Expect is { Status: not null, Statuses.Count: > 0 })
        {
            Fail($"{at}.expect", "has both status and statuses; give one (statuses lists every status that counts as success).");
        }
        try
        {
            RequestTemplate.Parse(e.Path);
            if (e.Body is not null)
            {
                RequestTemplate.Parse(e.Body);
            }
            foreach (var header in e.Headers ?? new Dictionary<string, string>())
            {
                RequestTemplate.Parse(header.Value);
            }
        }
        catch (FormatException ex)
        {
            Fail(at, ex.Message);
        }
    }

    private void ValidateCriteria(CheckSpec check, HashSet<string> endpointNames)
    {
        if (check.Criteria.Count == 0)
        {
            Fail("check.criteria", "is empty; a check needs performance, correctness and right-way criteria.");
        }
        for (var i = 0; i < check.Criteria.Count; i++)
        {
            var c = check.Criteria[i];
            var at = $"check.criteria[{i}]";
            Require(c.Name, $"{at}.name");
            Require(c.Where, $"{at}.where");
            if (!KnownValues.CriterionKinds.Contains(c.Kind))
            {
                Fail($"{at}.kind", $"is '{c.Kind}'; expected one of {string.Join(", ", KnownValues.CriterionKinds)}.");
            }
            if (c.Probe is null)
            {
                if (c.Metric is null || !KnownValues.Metrics.Contains(c.Metric))
                {
                    Fail($"{at}.metric", $"is '{c.Metric}'; expected one of {string.Join(", ", KnownValues.Metrics)} (or give a probe).");
                }
                RequireComparison(c, at, "the metric");
                if (c.Endpoint is not null)
                {
                    if (!endpointNames.Contains(c.Endpoint))
                    {
                        Fail($"{at}.endpoint", $"is '{c.Endpoint}'; the check's endpoints are {string.Join(", ", endpointNames)}.");
                    }
                    if (!LoadMetrics.PerEndpoint.Contains(c.Metric))
                    {
                        Fail($"{at}.metric", $"'{c.Metric}' is not measured per endpoint; with an endpoint use one of {string.Join(", ", LoadMetrics.PerEndpoint)}.");
                    }
                }
                continue;
            }
            if (!KnownValues.Probes.Contains(c.Probe))
            {
                Fail($"{at}.probe", $"is '{c.Probe}'; expected one of {string.Join(", ", KnownValues.Probes)}.");
            }
            Require(c.Sql, $"{at}.sql");
            if (c.Probe == KnownValues.AfterLoadProbe)
            {
                if (c.ExpectedSql is null)
                {
                    RequireComparison(c, at, "the SQL's result");
                }
                else if (c.Op is null || !KnownValues.Operators.Contains(c.Op) || c.Value is not null)
                {
                    Fail($"{at}.expectedSql", $"needs an op (one of {string.Join(", ", KnownValues.Operators)}) and no value: the expected value is what expectedSql returns.");
                }
                continue;
            }
            if (c.Probe == KnownValues.ExplainProbe)
            {
                if (c.Tables.Count == 0)
                {
                    Fail($"{at}.tables", "is empty; list the tables that must not be read with a sequential scan.");
                }
                if (c.Parameter is not null && c.Values.Count == 0)
                {
                    Fail($"{at}.values", "is empty; list the parameter values to explain the query with.");
                }
                if (c.MaxPagesRead is <= 0)
                {
                    Fail($"{at}.maxPagesRead", $"is {c.MaxPagesRead}; it must be a positive number of pages.");
                }
                continue;
            }
            Require(c.Request, $"{at}.request");
            if (c.Probe == KnownValues.FreshnessProbe)
            {
                RequireFreshness(c, at);
                continue;
            }
            Require(c.Parameter, $"{at}.parameter");
            if (c.Values.Count == 0)
            {
                Fail($"{at}.values", "is empty; list the parameter values to probe.");
            }
            if (c.Fields.Count == 0)
            {
                Fail($"{at}.fields", "is empty; list the fields to compare.");
            }
            if (!c.Request!.Contains($"{{{c.Parameter}}}", StringComparison.Ordinal))
            {
                Fail($"{at}.request", $"'{c.Request}' does not contain {{{c.Parameter}}}.");
            }
        }
    }

    private void RequireFreshness(CriterionSpec c, string at)
    {
        RequireDuration(c.Every ?? "", $"{at}.every", allowZero: false);
        RequireDuration(c.Within ?? "", $"{at}.within", allowZero: false);
        if (c.Fields.Count != 1)
        {
            Fail($"{at}.fields", "must name one field: the JSON field that holds the key the write SQL returns.");
        }
        if (c.Parameter is not null && (c.Values.Count == 0 || !c.Request!.Contains($"{{{c.Parameter}}}", StringComparison.Ordinal)))
        {
            Fail($"{at}.parameter", $"needs values and a {{{c.Parameter}}} in the request.");
        }
    }

    private void Require(string? value, string field)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            Fail(field, "is missing or empty.");
        }
    }

    private void RequireFile(string? relative, string field)
    {
        Require(relative, field);
        if (!File.Exists(Path.Combine(directory, relative!)))
        {
            Fail(field, $"points to '{relative}', which does not exist in the scenario folder.");
        }
    }

    private void RequireDuration(string value, string field, bool allowZero)
    {
        if (!DurationParser.TryParse(value, out var duration) || (!allowZero && duration <= TimeSpan.Zero))
        {
            Fail(field, $"is '{value}'; write a duration like \"20s\", \"500ms\" or \"2m\"{(allowZero ? "" : " (more than zero)")}.");
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fail(string field, string problem) => throw new ManifestException(file, field, problem);
}
