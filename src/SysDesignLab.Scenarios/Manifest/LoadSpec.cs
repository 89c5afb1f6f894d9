using SysDesignLab.LoadTesting;

namespace SysDesignLab.Scenarios.Manifest;

/// <summary>A closed-model load profile; durations are written like "20s", "500ms" or "2m".</summary>
public class LoadSpec
{
    public int Users { get; init; }
    public string Duration { get; init; } = "";
    public string WarmUp { get; init; } = "0s";
    public string Timeout { get; init; } = "5s";
    public List<EndpointSpec> Endpoints { get; init; } = [];
    /// <summary>Optional login each user performs first; see <see cref="SessionSpec"/>.</summary>
    public SessionSpec? Session { get; init; }
}
