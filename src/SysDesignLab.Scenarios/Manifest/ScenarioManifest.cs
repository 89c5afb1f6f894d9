using SysDesignLab.LoadTesting;
using System.Text.Json.Serialization;

namespace SysDesignLab.Scenarios.Manifest;

/// <summary>The contents of a scenario's scenario.json, as written by its author.</summary>
public sealed class ScenarioManifest
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }
    /// <summary>Optional: when present it must equal the folder name, which is the id.</summary>
    public string? Id { get; init; }
    public string Title { get; init; } = "";
    public string Tier { get; init; } = "";
    public int Order { get; init; }
    public string Summary { get; init; } = "";
    public List<string> Concepts { get; init; } = [];
    public List<ResourceSpec> Resources { get; init; } = [];
    public DatabaseSpec? Database { get; init; }
    public AppSpec? App { get; init; }
    public LoadSpec? Load { get; init; }
    public CheckSpec? Check { get; init; }
    public List<string> Hints { get; init; } = [];

    // A check without endpoints of its own replays the load's, login included; the loader and the
    // validator both need this rule, so it lives here once.
    internal IReadOnlyList<EndpointSpec> CheckEndpoints() => Check!.Endpoints.Count > 0 ? Check.Endpoints : Load!.Endpoints;

    internal SessionSpec? CheckSession() => Check!.Endpoints.Count > 0 ? Check.Session : Check.Session ?? Load!.Session;
}
