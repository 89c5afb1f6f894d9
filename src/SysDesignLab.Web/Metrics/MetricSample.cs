namespace SysDesignLab.Web.Metrics;

/// <summary>One line of a Prometheus text exposition: a series name, its labels and its value.</summary>
public sealed record MetricSample(string Name, IReadOnlyDictionary<string, string> Labels, double Value)
{
    public string? Label(string name) => Labels.TryGetValue(name, out var value) ? value : null;
}
