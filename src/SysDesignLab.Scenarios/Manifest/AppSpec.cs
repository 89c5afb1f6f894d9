namespace SysDesignLab.Scenarios.Manifest;

public sealed class AppSpec
{
    /// <summary>The learner's project, relative to the scenario folder.</summary>
    public string Project { get; init; } = "";
    /// <summary>The reference solution's project.</summary>
    public string Solution { get; init; } = "";
    /// <summary>Name under ConnectionStrings the app reads (injected as ConnectionStrings__NAME).</summary>
    public string ConnectionString { get; init; } = "";
    public string Health { get; init; } = "/health";
    public string? Metrics { get; init; }
    /// <summary>How many instances of the app run; more than one needs a loadbalancer resource in front.</summary>
    public int Replicas { get; init; } = 1;
}
