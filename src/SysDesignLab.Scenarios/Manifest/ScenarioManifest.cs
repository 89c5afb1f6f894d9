using SysDesignLab.LoadTesting;
using System.ComponentModel;
using System.Text.Json.Serialization;

namespace SysDesignLab.Scenarios.Manifest;

/// <summary>The contents of a scenario's scenario.json, as written by its author.</summary>
[Description("A scenario's manifest, scenarios/NN-id/scenario.json: what the lab starts, loads and checks.")]
public sealed class ScenarioManifest
{
    [JsonPropertyName("$schema")]
    [Description("Path to this schema, for completion and checks in the editor; the lab ignores it.")]
    public string? Schema { get; init; }
    /// <summary>Optional: when present it must equal the folder name, which is the id.</summary>
    [Description("Optional: when present it must equal the folder name, which is the id.")]
    public string? Id { get; init; }
    [Description("The scenario's title, shown in the catalog.")]
    public string Title { get; init; } = "";
    [Description("Difficulty tier, shown in the catalog.")]
    public string Tier { get; init; } = "";
    [Description("Position in the catalog.")]
    public int Order { get; init; }
    [Description("One or two sentences for the catalog: the symptom, and what the learner learns.")]
    public string Summary { get; init; } = "";
    [Description("The concepts this scenario teaches (at least one).")]
    public List<string> Concepts { get; init; } = [];
    [Description("Infrastructure the scenario needs, e.g. { \"kind\": \"postgres\", \"name\": \"db\" }.")]
    public List<ResourceSpec> Resources { get; init; } = [];
    [Description("The app's database; needed with a postgres resource.")]
    public DatabaseSpec? Database { get; init; }
    [Description("The app the learner fixes, and the reference solution.")]
    public AppSpec? App { get; init; }
    [Description("The load profile `sdlab load` runs.")]
    public LoadSpec? Load { get; init; }
    [Description("The load profile `sdlab check` runs, and the criteria it must meet.")]
    public CheckSpec? Check { get; init; }
    [Description("Progressive hints, each more precise than the last.")]
    public List<string> Hints { get; init; } = [];

    // A check without endpoints of its own replays the load's, login included; the loader and the
    // validator both need this rule, so it lives here once.
    internal IReadOnlyList<EndpointSpec> CheckEndpoints() => Check!.Endpoints.Count > 0 ? Check.Endpoints : Load!.Endpoints;

    internal SessionSpec? CheckSession() => Check!.Endpoints.Count > 0 ? Check.Session : Check.Session ?? Load!.Session;
}
