using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Kinds.Postgres;

/// <summary>
/// "postgres": a real PostgreSQL server shared by the lab's commands, and for each run a fresh
/// database copied from a template holding the scenario's schema and seed (the manifest's
/// "database"). Settings are PostgreSQL's own (e.g. max_connections).
/// </summary>
public sealed class PostgresKind : IResourceKind
{
    public string Name => "postgres";
    public string Description => "PostgreSQL server; each run gets a fresh copy of the scenario's database";

    /// <summary>PostgreSQL's server binaries, which its replicas need as well.</summary>
    internal static readonly Prerequisite Server = new("PostgreSQL server", "the database of every scenario with a postgres resource", "postgresql",
        () => PostgresInstallation.TryFind()?.BinDirectory);

    public Prerequisite Prerequisite => Server;

    public void Validate(ResourceSpec spec, ScenarioManifest manifest, ManifestCheck check, string at)
    {
        var database = manifest.Database;
        if (database is null)
        {
            check.Fail("database", "is missing; a scenario with a postgres resource needs { name, schema, seed }.");
        }
        check.Require(database.Name, "database.name");
        check.RequireFile(database.Schema, "database.schema");
        if (database.Seed is not null)
        {
            check.RequireFile(database.Seed, "database.seed");
        }
    }

    public ResourceBinding Bind(ResourceSpec spec, BindContext context) => new PostgresBinding(spec, this, context);

    /// <summary>Every lab PostgreSQL server under the state folder (replicas first), whoever started it.</summary>
    public Task StopAllAsync(LabPaths paths, IProgress<string>? progress) => PostgresServer.StopAllAsync(paths, progress);
}
