namespace SysDesignLab.Scenarios.Manifest;

/// <summary>
/// The closed vocabulary of a manifest. Resource kinds, probes and metrics are open: the
/// <see cref="Engine.LabRegistry"/> knows them by name.
/// </summary>
public static class KnownValues
{
    public static readonly string[] Tiers = ["crawling", "walking", "running", "sprinting"];
    public static readonly string[] CriterionKinds = ["performance", "correctness", "right-way"];
    public static readonly string[] Operators = [">=", "<=", "==", ">", "<"];
    public static readonly string[] FaultActions = ["pause", "kill", "restart"];
}
