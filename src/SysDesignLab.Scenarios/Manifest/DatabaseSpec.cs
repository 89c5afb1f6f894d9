using System.ComponentModel;

namespace SysDesignLab.Scenarios.Manifest;

[Description("The app's database, loaded once from the schema and seed; each run gets a fresh copy.")]
public sealed class DatabaseSpec
{
    /// <summary>The database the app connects to; each run gets a fresh copy of the seeded template.</summary>
    [Description("The database the app connects to; each run gets a fresh copy of the seeded template.")]
    public string Name { get; init; } = "";
    [Description("The schema script, relative to the scenario folder (e.g. db/schema.sql).")]
    public string Schema { get; init; } = "";
    [Description("Optional seed script, relative to the scenario folder: deterministic data, ending with ANALYZE.")]
    public string? Seed { get; init; }
}
