using System.ComponentModel;

namespace SysDesignLab.Scenarios.Manifest;

/// <summary>An infrastructure resource the scenario needs, e.g. <c>{ "kind": "postgres", "name": "db" }</c>.</summary>
[Description("An infrastructure resource the scenario needs, e.g. { \"kind\": \"postgres\", \"name\": \"db\" }.")]
public sealed class ResourceSpec
{
    [Description("What to run, e.g. postgres or loadbalancer.")]
    public string Kind { get; init; } = "";
    [Description("The resource's name, unique in the scenario.")]
    public string Name { get; init; } = "";
    /// <summary>
    /// Server settings, e.g. PostgreSQL's max_connections for a pooling scenario, or a load
    /// balancer's policy (RoundRobin, LeastRequests, PowerOfTwoChoices, Random).
    /// </summary>
    [Description("Server settings as strings, e.g. PostgreSQL's max_connections, or a load balancer's policy (RoundRobin, LeastRequests, PowerOfTwoChoices, Random).")]
    public Dictionary<string, string> Settings { get; init; } = [];
}
