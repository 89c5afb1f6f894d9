using SysDesignLab.LoadTesting;
using SysDesignLab.Orchestration.Faults;
using SysDesignLab.Scenarios.Engine;

namespace SysDesignLab.Scenarios.Manifest;

/// <summary>Checks a parsed manifest field by field; the first problem found is thrown.</summary>
internal sealed class ManifestValidator(string file, string directory, string id, LabRegistry registry)
{
    private readonly ManifestCheck _check = new(file, directory);

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
        ValidateApp(m.App);
        ValidateResources(m);
        if (m.App!.Replicas > 1 && !m.Resources.Any(r => registry.Kind(r.Kind) is { FrontsApps: true }))
        {
            Fail("app.replicas", $"is {m.App.Replicas}, but nothing spreads requests over them: add {{ \"kind\": \"loadbalancer\", \"name\": \"lb\" }} to resources.");
        }
        ValidateLoad(m.Load, "load", requireEndpoints: true);
        ValidateLoad(m.Check, "check", requireEndpoints: false);
        ValidateFaults(m, m.Load!, "load");
        ValidateFaults(m, m.Check!, "check");
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
            var kind = registry.Kind(r.Kind);
            if (kind is null)
            {
                Fail($"resources[{i}].kind", $"is '{r.Kind}'; expected one of {string.Join(", ", registry.KindNames.Order())}.");
            }
            Require(r.Name, $"resources[{i}].name");
            kind.Validate(r, m, _check, $"resources[{i}]");
        }
        var duplicate = m.Resources.GroupBy(r => r.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            Fail("resources", $"the name '{duplicate.Key}' is used twice.");
        }
        for (var i = 0; i < m.App?.References.Count; i++)
        {
            var (_, resource) = AppSpec.ParseReference(m.App.References[i]);
            if (!m.Resources.Any(r => r.Name == resource))
            {
                Fail($"app.references[{i}]", $"is '{m.App.References[i]}', but no resource is named '{resource}'; the resources are {string.Join(", ", m.Resources.Select(r => r.Name))}.");
            }
        }
    }

    private void ValidateApp(AppSpec? app)
    {
        if (app is null)
        {
            Fail("app", "is missing; give { project, solution, references, health }.");
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

    private void ValidateFaults(ScenarioManifest m, LoadSpec load, string field)
    {
        for (var i = 0; i < load.Faults.Count; i++)
        {
            var f = load.Faults[i];
            var at = $"{field}.faults[{i}]";
            RequireDuration(f.At, $"{at}.at", allowZero: true);
            if (!KnownValues.FaultActions.Contains(f.Action))
            {
                Fail($"{at}.action", $"is '{f.Action}'; expected one of {string.Join(", ", KnownValues.FaultActions)}.");
            }
            Require(f.Target, $"{at}.target");
            if (f.For is not null)
            {
                RequireDuration(f.For, $"{at}.for", allowZero: false);
            }
        }
        var length = ManifestLoader.Duration(load.WarmUp) + ManifestLoader.Duration(load.Duration);
        var targets = FaultTargets(m);
        if (FaultRunner.Validate(ManifestLoader.Faults(load), targets, length) is [var first, ..])
        {
            Fail($"{field}.faults", first);
        }
    }

    /// <summary>What a fault may name: each app instance as the lab names it, and every resource.</summary>
    private static List<string> FaultTargets(ScenarioManifest m) =>
        [.. m.App!.Replicas == 1 ? ["app"] : Enumerable.Range(1, m.App.Replicas).Select(i => $"app-{i}"), .. m.Resources.Select(r => r.Name)];

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
            ValidateWhere(c, $"{at}.where");
            if (!KnownValues.CriterionKinds.Contains(c.Kind))
            {
                Fail($"{at}.kind", $"is '{c.Kind}'; expected one of {string.Join(", ", KnownValues.CriterionKinds)}.");
            }
            if (c.Probe is null)
            {
                if (c.Extra is { Count: > 0 } extra)
                {
                    Fail($"{at}.{extra.Keys.First()}", "is not a field of a criterion.");
                }
                if (c.Metric is null || registry.Metrics.Find(c.Metric) is null)
                {
                    Fail($"{at}.metric", $"is '{c.Metric}'; expected one of {string.Join(", ", registry.Metrics.Names)} (or give a probe).");
                }
                RequireComparison(c, at, "the metric");
                if (c.Endpoint is not null)
                {
                    if (!endpointNames.Contains(c.Endpoint))
                    {
                        Fail($"{at}.endpoint", $"is '{c.Endpoint}'; the check's endpoints are {string.Join(", ", endpointNames)}.");
                    }
                    if (registry.Metrics.Find(c.Metric) is not { PerEndpoint: true })
                    {
                        Fail($"{at}.metric", $"'{c.Metric}' is not measured per endpoint; with an endpoint use one of {string.Join(", ", registry.Metrics.PerEndpoint)}.");
                    }
                }
                continue;
            }
            var probe = registry.Probe(c.Probe);
            if (probe is null)
            {
                Fail($"{at}.probe", $"is '{c.Probe}'; expected one of {string.Join(", ", registry.ProbeNames.Order())}.");
            }
            foreach (var field in c.Extra?.Keys.ToList() ?? [])
            {
                if (probe.SettingsType?.GetProperty(field, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase) is null)
                {
                    Fail($"{at}.{field}", $"is not a field of a criterion nor of the probe '{c.Probe}'.");
                }
            }
            probe.Validate(c, _check, at);
        }
    }

    /// <summary>A text, or an object of texts keyed by cause; a probe's verdict has no cause, so it needs the default.</summary>
    private void ValidateWhere(CriterionSpec c, string at)
    {
        // "where": null reaches here as null, whatever the property's type says.
        if (c.Where is null || c.Where.WrittenAsText || c.Where.Messages.Count == 0)
        {
            Require(c.Where?.ToString(), at);
            return;
        }
        foreach (var (key, message) in c.Where.Messages)
        {
            if (!WhereMessages.Keys.Contains(key))
            {
                Fail($"{at}.{key}", $"is not a cause; expected one of {string.Join(", ", WhereMessages.Keys)}.");
            }
            Require(message, $"{at}.{key}");
        }
        if (c.Probe is not null && c.Where.Default is null)
        {
            Fail($"{at}.{WhereMessages.DefaultKey}", "is missing; a probe's result has no failure cause, so give a default text (or write \"where\" as one text).");
        }
    }

    private void Require(string? value, string field) => _check.Require(value, field);

    private void RequireFile(string? relative, string field) => _check.RequireFile(relative, field);

    private void RequireDuration(string value, string field, bool allowZero) => _check.RequireDuration(value, field, allowZero);

    private void RequireComparison(CriterionSpec c, string at, string compared) => _check.RequireComparison(c, at, compared);

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private void Fail(string field, string problem) => _check.Fail(field, problem);
}
