using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.RabbitMq;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Kinds.RabbitMq;

/// <summary>
/// "rabbitmq": a real RabbitMQ node of the lab's own. It starts slowly (seconds of Erlang), so like
/// PostgreSQL it is shared by the lab's commands and adopted while it runs; each run starts on an
/// empty virtual host of its own, so no message of an earlier or a parallel run is delivered to it.
/// </summary>
public sealed class RabbitMqKind : IResourceKind
{
    public string Name => "rabbitmq";
    public string Description => "RabbitMQ node, shared by the lab's commands; an empty virtual host for every run";

    public Prerequisite Prerequisite { get; } = new("RabbitMQ server", "the message broker of scenarios with a rabbitmq resource", "rabbitmq-server",
        () => RabbitMqInstallation.TryFind()?.ServerScript);

    public void Validate(ResourceSpec spec, ScenarioManifest manifest, ManifestCheck check, string at)
    {
        if (RabbitMqSettings.Validate(spec.Settings) is [var first, ..])
        {
            check.Fail($"{at}.settings", first);
        }
    }

    public ResourceBinding Bind(ResourceSpec spec, BindContext context) => new Binding(spec, this, context.Paths);

    public Task StopAllAsync(LabPaths paths, IProgress<string>? progress) => RabbitMqServer.StopAllAsync(paths);

    private sealed class Binding(ResourceSpec spec, RabbitMqKind kind, LabPaths paths) : ResourceBinding(spec, kind)
    {
        public RabbitMqServer Server { get; } = new(spec.Name, paths, spec.Settings);

        public override IReadOnlyList<LabResource> SharedServers => [Server];

        public override LabResource? AddToRun(LabHost host, RunContext run)
        {
            // One vhost per run and scenario ("08-message-queues", "08-message-queues_check"): runs side by side stay apart.
            var emptied = host.Add(new EmptiedBroker(Name + run.Suffix, Server, run.Scenario.Id + run.Suffix));
            run.SetPart(Name, emptied);
            return emptied;
        }

        public override string? ConnectionString(RunContext run) => run.Part<EmptiedBroker>(Name)?.ConnectionString ?? Server.ConnectionString;

        public override IEnumerable<LabResource> RunProcesses(RunContext run) => [Server];

        public override void LeaseFor(int pid) => Server.LeaseFor(pid);
    }
}
