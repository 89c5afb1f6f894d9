namespace SysDesignLab.Scenarios.Manifest;

/// <summary>An infrastructure resource the scenario needs, e.g. <c>{ "kind": "postgres", "name": "db" }</c>.</summary>
public sealed class ResourceSpec
{
    public string Kind { get; init; } = "";
    public string Name { get; init; } = "";
    /// <summary>
    /// Server settings, e.g. PostgreSQL's max_connections for a pooling scenario, or a load
    /// balancer's policy (RoundRobin, LeastRequests, PowerOfTwoChoices, Random).
    /// </summary>
    public Dictionary<string, string> Settings { get; init; } = [];
}
