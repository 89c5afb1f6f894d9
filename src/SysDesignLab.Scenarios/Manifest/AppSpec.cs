namespace SysDesignLab.Scenarios.Manifest;

public sealed class AppSpec
{
    /// <summary>The learner's project, relative to the scenario folder.</summary>
    public string Project { get; init; } = "";
    /// <summary>The reference solution's project.</summary>
    public string Solution { get; init; } = "";
    /// <summary>
    /// The resources the app uses, by name, as Aspire's WithReference: "cache" injects
    /// ConnectionStrings__cache; "Chirp=db" injects resource db's as ConnectionStrings__Chirp.
    /// </summary>
    public List<string> References { get; init; } = [];
    public string Health { get; init; } = "/health";
    public string? Metrics { get; init; }
    /// <summary>How many instances of the app run; more than one needs a loadbalancer resource in front.</summary>
    public int Replicas { get; init; } = 1;

    /// <summary>"Chirp=db" → ("Chirp", "db"); "db" → ("db", "db").</summary>
    public static (string ConnectionName, string Resource) ParseReference(string reference)
    {
        var equals = reference.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (reference.Trim(), reference.Trim()) : (reference[..equals].Trim(), reference[(equals + 1)..].Trim());
    }
}
