namespace SysDesignLab.Scenarios.Manifest;

/// <summary>The vocabulary a manifest may use; anything else is a manifest error.</summary>
public static class KnownValues
{
    public static readonly string[] Tiers = ["crawling", "walking", "running", "sprinting"];
    public static readonly string[] ResourceKinds = ["postgres", "loadbalancer"];
    public static readonly string[] CriterionKinds = ["performance", "correctness", "right-way"];
    public static readonly string[] Operators = [">=", "<=", "==", ">", "<"];
    public const string GroundTruthProbe = "sql-ground-truth";
    public const string ExplainProbe = "explain-uses-index";
    /// <summary>Runs once the load is over and the app has stopped (e.g. "claimed == stock").</summary>
    public const string AfterLoadProbe = "sql-after-load";
    /// <summary>Writes while the load runs and reads each write back through the app (staleness).</summary>
    public const string FreshnessProbe = "fresh-writes";
    public static readonly string[] Probes = [GroundTruthProbe, ExplainProbe, AfterLoadProbe, FreshnessProbe];

    /// <summary>Metrics a criterion can compare; see CheckMetrics for how each is measured.</summary>
    public static readonly string[] Metrics =
    [
        "successRate", "rps", "goodput", "p50Ms", "p95Ms", "p99Ms", "maxMs",
        "goodputVsBaseline", "p95VsBaseline", "dbRowsPerRequest", "seqScansPerRequest", "dbSessionsPerRequest", "peakDbConnections",
    ];
}
