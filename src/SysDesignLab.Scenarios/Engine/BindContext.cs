using SysDesignLab.Orchestration;

namespace SysDesignLab.Scenarios.Engine;

/// <summary>What a resource kind may use when it binds a manifest's resource for one lab command.</summary>
public sealed record BindContext(Scenario Scenario, LabPaths Paths, IProgress<string>? Progress)
{
    /// <summary>The other resources of the scenario, bound before this one (a replica finds its primary here).</summary>
    public IReadOnlyList<ResourceBinding> Bound { get; init; } = [];
}
