namespace SysDesignLab.Scenarios;

/// <summary>The scenarios that loaded, and a readable message for each one that did not.</summary>
public sealed record CatalogScan(IReadOnlyList<Scenario> Scenarios, IReadOnlyList<string> Problems);
