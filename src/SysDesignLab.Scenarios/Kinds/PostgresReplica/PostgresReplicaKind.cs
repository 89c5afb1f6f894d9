using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Kinds.Postgres;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Kinds.PostgresReplica;

/// <summary>
/// "postgres-replica": a real streaming standby of a postgres resource, cloned fresh for each run
/// after the run's database exists (pg_basebackup), read-only, with its own port. Settings:
/// "primary" (the postgres resource it follows) and PostgreSQL's standby settings, e.g.
/// recovery_min_apply_delay so that replication lag is real and the same on every run.
/// </summary>
public sealed class PostgresReplicaKind : IResourceKind
{
    public const string PrimarySetting = "primary";

    public string Name => "postgres-replica";
    public string Description => "a streaming read replica of a postgres resource, cloned for each run";

    public Prerequisite Prerequisite => PostgresKind.Server;

    public void Validate(ResourceSpec spec, ScenarioManifest manifest, ManifestCheck check, string at)
    {
        var primary = spec.Settings.GetValueOrDefault(PrimarySetting);
        if (primary is null || !manifest.Resources.Any(r => r.Name == primary && r.Kind == "postgres"))
        {
            var postgres = manifest.Resources.Where(r => r.Kind == "postgres").Select(r => r.Name).ToList();
            check.Fail($"{at}.settings.{PrimarySetting}", $"is '{primary}'; name the postgres resource this replica follows ({(postgres.Count == 0 ? "the scenario has none: add one" : string.Join(", ", postgres))}).");
        }
        if (PostgresReplicaSettings.Validate(StandbySettings(spec)) is [var first, ..])
        {
            check.Fail($"{at}.settings", first);
        }
    }

    public ResourceBinding Bind(ResourceSpec spec, BindContext context) => new Binding(spec, this, context.Paths);

    // Replicas are stopped with their primaries: PostgresServer.StopAllAsync stops them first.
    public Task StopAllAsync(LabPaths paths, IProgress<string>? progress) => Task.CompletedTask;

    private static Dictionary<string, string> StandbySettings(ResourceSpec spec) =>
        spec.Settings.Where(s => s.Key != PrimarySetting).ToDictionary(s => s.Key, s => s.Value);

    private sealed class Binding(ResourceSpec spec, PostgresReplicaKind kind, LabPaths paths) : ResourceBinding(spec, kind)
    {
        private string PrimaryName => Spec.Settings[PrimarySetting];

        public override LabResource? AddToRun(LabHost host, RunContext run)
        {
            var primary = (PostgresBinding)run.Binding(PrimaryName)!;
            var replica = new Orchestration.Postgres.PostgresReplica(Name + run.Suffix, primary.Server, paths, StandbySettings(Spec));
            // Cloned once the run's database exists, so the replica starts with the same fresh data.
            if (run.Part<PostgresDatabase>(PrimaryName) is { } database)
            {
                replica.WaitsFor(database);
            }
            host.Add(replica);
            run.SetPart(Name, replica);
            return replica;
        }

        public override string? ConnectionString(RunContext run) =>
            run.Part<Orchestration.Postgres.PostgresReplica>(Name) is { } replica && run.Part<PostgresDatabase>(PrimaryName) is { } database
                ? replica.ConnectionString(database.DatabaseName)
                : null;

        public override string? ConnectCommand(RunContext run) =>
            run.Part<Orchestration.Postgres.PostgresReplica>(Name) is { } replica && run.Part<PostgresDatabase>(PrimaryName) is { } database
                ? $"PGPASSFILE={Shell.Quote(replica.PasswordFile)} psql -h 127.0.0.1 -p {replica.Port} -U {PostgresServer.User} {database.DatabaseName}"
                : null;

        public override IEnumerable<LabResource> RunProcesses(RunContext run) =>
            run.Part<Orchestration.Postgres.PostgresReplica>(Name) is { } replica ? [replica] : [];
    }
}
