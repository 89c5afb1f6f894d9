using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Kinds.Postgres;

/// <summary>The shared server for the lab command, and a fresh database per run.</summary>
internal sealed class PostgresBinding(ResourceSpec spec, PostgresKind kind, BindContext context) : ResourceBinding(spec, kind)
{
    public PostgresServer Server { get; } = new(spec.Name, context.Paths, spec.Settings) { Progress = context.Progress };

    public override IReadOnlyList<LabResource> SharedServers => [Server];

    public override LabResource? AddToRun(LabHost host, RunContext run)
    {
        var db = run.Scenario.Manifest.Database!;
        var database = host.Add(new PostgresDatabase(Server, db.Name + run.Suffix, $"sdlab_tpl_{db.Name}_{run.Scenario.Number}", run.Scenario.DatabaseScripts, run.Progress));
        run.SetPart(Name, database);
        return database;
    }

    public override string? ConnectionString(RunContext run) => run.Part<PostgresDatabase>(Name)?.ConnectionString;

    public override string? ConnectCommand(RunContext run) =>
        run.Part<PostgresDatabase>(Name) is { } database
            ? $"PGPASSFILE={Shell.Quote(Server.PasswordFile)} psql -h 127.0.0.1 -p {Server.Port} -U {PostgresServer.User} {database.DatabaseName}"
            : null;

    public override IEnumerable<LabResource> RunProcesses(RunContext run) => [Server];

    /// <summary>`sdlab start`'s app keeps using the server after the CLI exits: no other command may stop it meanwhile.</summary>
    public override void LeaseFor(int pid) => Server.LeaseFor(pid);
}
