using SysDesignLab.Orchestration;

namespace SysDesignLab.Scenarios.Manifest;

/// <summary>A malformed manifest: names the file, the field and what is wrong.</summary>
public sealed class ManifestException(string file, string field, string problem)
    : LabException($"{file}: {(field.Length > 0 ? $"field '{field}': " : "")}{problem}")
{
    public string File { get; } = file;
    public string Field { get; } = field;
    public string Problem { get; } = problem;
}
