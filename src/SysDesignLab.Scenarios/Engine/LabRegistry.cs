using System.Reflection;
using SysDesignLab.Scenarios.Diagnosis;

namespace SysDesignLab.Scenarios.Engine;

/// <summary>
/// The lab's plug-ins, found by name: resource kinds, check probes, metric sources and diagnosis
/// sources (the dashboard's live figures of a kind). The lab's
/// own are every implementation in this assembly (<see cref="Default"/>): a new kind, probe or
/// metric source is a new class in its own folder, and no list is edited. Another assembly (a
/// test, a future scenario pack) adds its own with <see cref="WithAssembly"/> or <see cref="With(IResourceKind)"/>.
/// </summary>
public sealed class LabRegistry
{
    private readonly Dictionary<string, IResourceKind> _kinds;
    private readonly Dictionary<string, ICheckProbe> _probes;
    private readonly Dictionary<string, IMetricSource> _sources;
    private readonly Dictionary<string, IDiagnosisSource> _diagnosis;

    private LabRegistry(Dictionary<string, IResourceKind> kinds, Dictionary<string, ICheckProbe> probes, Dictionary<string, IMetricSource> sources,
        Dictionary<string, IDiagnosisSource> diagnosis)
    {
        _kinds = kinds;
        _probes = probes;
        _sources = sources;
        _diagnosis = diagnosis;
        Metrics = new MetricCatalog(MetricCatalog.LoadMetrics.Concat(sources.Values.SelectMany(s => s.Metrics)));
    }

    /// <summary>The lab's own kinds, probes and metric sources.</summary>
    public static LabRegistry Default { get; } = new LabRegistry(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)).WithAssembly(typeof(LabRegistry).Assembly);

    /// <summary>Adds every resource kind, probe, metric source and diagnosis source a public parameterless class of <paramref name="assembly"/> implements.</summary>
    public LabRegistry WithAssembly(Assembly assembly)
    {
        var registry = this;
        foreach (var type in assembly.GetTypes().Where(t => t is { IsClass: true, IsAbstract: false } && t.GetConstructor(Type.EmptyTypes) is not null))
        {
            if (typeof(IResourceKind).IsAssignableFrom(type))
            {
                registry = registry.With((IResourceKind)Activator.CreateInstance(type)!);
            }
            if (typeof(ICheckProbe).IsAssignableFrom(type))
            {
                registry = registry.With((ICheckProbe)Activator.CreateInstance(type)!);
            }
            if (typeof(IMetricSource).IsAssignableFrom(type))
            {
                registry = registry.With((IMetricSource)Activator.CreateInstance(type)!);
            }
            if (typeof(IDiagnosisSource).IsAssignableFrom(type))
            {
                registry = registry.With((IDiagnosisSource)Activator.CreateInstance(type)!);
            }
        }
        return registry;
    }

    public MetricCatalog Metrics { get; }

    public IReadOnlyCollection<IResourceKind> Kinds => _kinds.Values;
    public IReadOnlyCollection<string> KindNames => _kinds.Keys;
    public IReadOnlyCollection<string> ProbeNames => _probes.Keys;

    public IResourceKind? Kind(string name) => _kinds.GetValueOrDefault(name);
    public ICheckProbe? Probe(string name) => _probes.GetValueOrDefault(name);
    public IMetricSource? MetricSource(string resourceKind) => _sources.GetValueOrDefault(resourceKind);
    public IDiagnosisSource? DiagnosisSource(string resourceKind) => _diagnosis.GetValueOrDefault(resourceKind);
    public IReadOnlyCollection<string> DiagnosedKinds => _diagnosis.Keys;

    public LabRegistry With(IResourceKind kind) =>
        new(new(_kinds, StringComparer.Ordinal) { [kind.Name] = kind }, _probes, _sources, _diagnosis);

    public LabRegistry With(ICheckProbe probe) =>
        new(_kinds, new(_probes, StringComparer.Ordinal) { [probe.Name] = probe }, _sources, _diagnosis);

    public LabRegistry With(IMetricSource source) =>
        new(_kinds, _probes, new(_sources, StringComparer.Ordinal) { [source.ResourceKind] = source }, _diagnosis);

    public LabRegistry With(IDiagnosisSource source) =>
        new(_kinds, _probes, _sources, new(_diagnosis, StringComparer.Ordinal) { [source.ResourceKind] = source });
}
