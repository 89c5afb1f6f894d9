namespace SysDesignLab.Scenarios.Manifest;

public sealed class DatabaseSpec
{
    /// <summary>The database the app connects to; each run gets a fresh copy of the seeded template.</summary>
    public string Name { get; init; } = "";
    public string Schema { get; init; } = "";
    public string? Seed { get; init; }
}
