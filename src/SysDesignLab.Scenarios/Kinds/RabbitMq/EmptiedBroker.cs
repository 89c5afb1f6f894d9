using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.RabbitMq;

namespace SysDesignLab.Scenarios.Kinds.RabbitMq;

/// <summary>
/// A run's view of the shared broker: starting it empties the virtual host (queues, exchanges,
/// messages), so the apps, which wait for it, begin on a clean broker. It has no process of its own.
/// </summary>
public sealed class EmptiedBroker(string name, RabbitMqServer server) : LabResource(name)
{
    private bool _emptied;

    public RabbitMqServer Server => server;
    public override string Kind => "rabbitmq-vhost";
    public override IReadOnlyList<Endpoint> Endpoints => server.Endpoints;
    public override string? LogPath => server.LogPath;
    public override int? ProcessId => null;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await server.ResetAsync(cancellationToken);
        _emptied = true;
    }

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(_emptied);

    public override void ThrowIfFailed()
    {
    }

    // The node is shared: it outlives the run and stops with `sdlab stop`.
    public override Task StopAsync() => Task.CompletedTask;
}
