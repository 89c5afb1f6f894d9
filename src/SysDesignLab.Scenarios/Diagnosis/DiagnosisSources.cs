namespace SysDesignLab.Scenarios.Diagnosis;

/// <summary>
/// The lab's diagnosis sources by resource kind: every <see cref="IDiagnosisSource"/> with a public
/// parameterless constructor in this assembly, as <see cref="Engine.LabRegistry"/> finds kinds.
/// </summary>
public static class DiagnosisSources
{
    private static readonly Dictionary<string, IDiagnosisSource> ByKind = typeof(IDiagnosisSource).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDiagnosisSource).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (IDiagnosisSource)Activator.CreateInstance(t)!)
        .ToDictionary(s => s.ResourceKind, StringComparer.Ordinal);

    public static IDiagnosisSource? For(string resourceKind) => ByKind.GetValueOrDefault(resourceKind);

    public static IReadOnlyCollection<string> Kinds => ByKind.Keys;
}
