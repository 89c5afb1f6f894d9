using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Engine;

/// <summary>
/// A kind of part a scenario's system may have (a database server, a cache, a broker, a load
/// balancer), found by <see cref="Name"/> in the <see cref="LabRegistry"/>: a manifest's
/// <c>{ "kind": "redis", "name": "cache" }</c> is all the engine needs to run one. The engine
/// itself never names a kind.
/// </summary>
public interface IResourceKind
{
    /// <summary>What a manifest writes in "kind".</summary>
    string Name { get; }

    /// <summary>One line for authors and for `sdlab doctor`: what the part is for.</summary>
    string Description { get; }

    /// <summary>The installed software this kind runs, checked by `sdlab doctor`; null when it needs none.</summary>
    Prerequisite? Prerequisite { get; }

    /// <summary>True for a kind that stands in front of the app's replicas and spreads requests over them.</summary>
    bool FrontsApps => false;

    /// <summary>
    /// Checks the resource's settings and its place in the manifest; throws a
    /// <see cref="ManifestException"/> through <paramref name="check"/> on the first problem.
    /// </summary>
    void Validate(ResourceSpec spec, ScenarioManifest manifest, ManifestCheck check, string at);

    /// <summary>The resource for one lab command (a check runs the app twice on it: baseline and measured).</summary>
    ResourceBinding Bind(ResourceSpec spec, BindContext context);

    /// <summary>`sdlab stop`: stops every server of this kind the lab left running under <paramref name="paths"/>.</summary>
    Task StopAllAsync(LabPaths paths, IProgress<string>? progress);
}
