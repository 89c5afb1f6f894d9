using System.ComponentModel;

namespace SysDesignLab.Scenarios.Manifest;

[Description("The app the learner fixes, and the reference solution.")]
public sealed class AppSpec
{
    /// <summary>The learner's project, relative to the scenario folder.</summary>
    [Description("The learner's project, relative to the scenario folder (e.g. app/Chirp.csproj).")]
    public string Project { get; init; } = "";
    /// <summary>The reference solution's project.</summary>
    [Description("The reference solution's project, relative to the scenario folder.")]
    public string Solution { get; init; } = "";
    /// <summary>
    /// The resources the app uses, by name, as Aspire's WithReference: "cache" injects
    /// ConnectionStrings__cache; "Chirp=db" injects resource db's as ConnectionStrings__Chirp.
    /// </summary>
    [Description("Resources the app uses, by name: \"cache\" injects ConnectionStrings__cache; \"Chirp=db\" injects resource db's connection string as ConnectionStrings__Chirp.")]
    public List<string> References { get; init; } = [];
    [Description("The app's health check path.")]
    public string Health { get; init; } = "/health";
    [Description("The app's Prometheus metrics path, if it has one.")]
    public string? Metrics { get; init; }
    /// <summary>How many instances of the app run; more than one needs a loadbalancer resource in front.</summary>
    [Description("How many instances of the app run; more than one needs a loadbalancer resource in front.")]
    public int Replicas { get; init; } = 1;

    /// <summary>"Chirp=db" → ("Chirp", "db"); "db" → ("db", "db").</summary>
    public static (string ConnectionName, string Resource) ParseReference(string reference)
    {
        var equals = reference.IndexOf('=', StringComparison.Ordinal);
        return equals < 0 ? (reference.Trim(), reference.Trim()) : (reference[..equals].Trim(), reference[(equals + 1)..].Trim());
    }
}
