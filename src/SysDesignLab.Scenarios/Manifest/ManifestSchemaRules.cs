using System.Reflection;
using System.Text.Json.Nodes;
using SysDesignLab.LoadTesting;

namespace SysDesignLab.Scenarios.Manifest;

/// <summary>
/// What the schema says beyond the types' shapes: what ManifestValidator always requires, and which
/// strings come from a vocabulary. Names go through nameof so a renamed property fails the build, and
/// ManifestSchema throws for a rule that no longer lands anywhere (a property moved to another type).
/// </summary>
internal static class ManifestSchemaRules
{
    /// <summary>
    /// Properties the validator requires whatever else the manifest holds, by the exact type whose object
    /// holds them; a required string or list must also be non-empty. Requirements that depend on other
    /// fields (a database with a postgres resource, each probe's fields) stay with the validator.
    /// </summary>
    public static readonly IReadOnlyDictionary<Type, string[]> Required = new Dictionary<Type, string[]>
    {
        [typeof(ScenarioManifest)] =
        [
            nameof(ScenarioManifest.Title), nameof(ScenarioManifest.Tier), nameof(ScenarioManifest.Concepts),
            nameof(ScenarioManifest.App), nameof(ScenarioManifest.Load), nameof(ScenarioManifest.Check), nameof(ScenarioManifest.Hints),
        ],
        [typeof(ResourceSpec)] = [nameof(ResourceSpec.Kind), nameof(ResourceSpec.Name)],
        [typeof(DatabaseSpec)] = [nameof(DatabaseSpec.Name), nameof(DatabaseSpec.Schema)],
        [typeof(AppSpec)] = [nameof(AppSpec.Project), nameof(AppSpec.Solution)],
        [typeof(LoadSpec)] = [nameof(LoadSpec.Users), nameof(LoadSpec.Duration), nameof(LoadSpec.Endpoints)],
        // Not the endpoints: a check without endpoints of its own replays the load's.
        [typeof(CheckSpec)] = [nameof(CheckSpec.Users), nameof(CheckSpec.Duration), nameof(CheckSpec.Criteria)],
        [typeof(CriterionSpec)] = [nameof(CriterionSpec.Name), nameof(CriterionSpec.Kind), nameof(CriterionSpec.Where)],
        [typeof(EndpointSpec)] = [nameof(EndpointSpec.Path)],
        [typeof(SessionSpec)] = [nameof(SessionSpec.Login), nameof(SessionSpec.Capture)],
    };

    /// <summary>
    /// Required in each item of a list property. An endpoint of a list needs a name (results are reported
    /// by it), while the same type as a session's login defaults to "login", so this can't go on the type.
    /// </summary>
    public static readonly IReadOnlyList<(PropertyInfo List, string[] Names)> RequiredInItems =
    [
        (Property<LoadSpec>(nameof(LoadSpec.Endpoints)), [nameof(EndpointSpec.Name)]),
    ];

    /// <summary>Closed vocabularies: the validator rejects anything else, so the editor does too.</summary>
    public static readonly IReadOnlyList<(PropertyInfo Property, IReadOnlyList<string> Values)> Enums =
    [
        (Property<ScenarioManifest>(nameof(ScenarioManifest.Tier)), KnownValues.Tiers),
        (Property<CriterionSpec>(nameof(CriterionSpec.Kind)), KnownValues.CriterionKinds),
        (Property<CriterionSpec>(nameof(CriterionSpec.Op)), KnownValues.Operators),
        (Property<FaultSpec>(nameof(FaultSpec.Action)), KnownValues.FaultActions),
    ];

    private static readonly string[] Durations = ["20s", "500ms", "2m"];

    /// <summary>
    /// Suggestions only. Resource kinds, probes and metrics are open by design (a plug-in adds them by name, and
    /// the validator is what knows the registered ones), so the schema must not reject a new one.
    /// </summary>
    public static readonly IReadOnlyList<(PropertyInfo Property, IReadOnlyList<string> Values)> Examples =
    [
        (Property<ResourceSpec>(nameof(ResourceSpec.Kind)), Engine.LabRegistry.Default.KindNames.Order(StringComparer.Ordinal).ToArray()),
        (Property<CriterionSpec>(nameof(CriterionSpec.Probe)), Engine.LabRegistry.Default.ProbeNames.Order(StringComparer.Ordinal).ToArray()),
        (Property<CriterionSpec>(nameof(CriterionSpec.Metric)), Engine.LabRegistry.Default.Metrics.Names.Order(StringComparer.Ordinal).ToArray()),
        (Property<EndpointSpec>(nameof(EndpointSpec.Method)), ["GET", "POST", "PUT", "PATCH", "DELETE"]),
        (Property<LoadSpec>(nameof(LoadSpec.Duration)), Durations),
        (Property<LoadSpec>(nameof(LoadSpec.WarmUp)), Durations),
        (Property<LoadSpec>(nameof(LoadSpec.Timeout)), Durations),
        (Property<CriterionSpec>(nameof(CriterionSpec.Every)), Durations),
        (Property<CriterionSpec>(nameof(CriterionSpec.Within)), Durations),
    ];

    /// <summary>
    /// Properties whose shape a converter decides, which the exporter can't see: "where" is a text or an
    /// object with one text per cause (no other key, as the validator refuses any other).
    /// </summary>
    public static readonly IReadOnlyList<(PropertyInfo Property, Func<JsonObject> Schema)> Shapes =
    [
        (Property<CriterionSpec>(nameof(CriterionSpec.Where)), () => new JsonObject
        {
            ["anyOf"] = new JsonArray(
                new JsonObject { ["type"] = "string", ["minLength"] = 1 },
                new JsonObject
                {
                    ["type"] = "object",
                    ["properties"] = new JsonObject(WhereMessages.Keys.Select(k =>
                        KeyValuePair.Create(k, (JsonNode?)new JsonObject { ["type"] = "string", ["minLength"] = 1 }))),
                    ["minProperties"] = 1,
                    ["additionalProperties"] = false,
                }),
        }),
    ];

    /// <summary>True when the serializer's property is <paramref name="rule"/>, inherited or not.</summary>
    public static bool Is(this PropertyInfo rule, MemberInfo member) =>
        member.DeclaringType == rule.DeclaringType && member.Name == rule.Name;

    private static PropertyInfo Property<T>(string name) =>
        typeof(T).GetProperty(name) ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {name}.");
}
