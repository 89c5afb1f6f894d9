using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.RabbitMq;

namespace SysDesignLab.Scenarios.Kinds.RabbitMq;

/// <summary>
/// A run's own virtual host on the shared broker: starting it creates the vhost empty (no queue,
/// exchange or message of an earlier run), so the apps, which wait for it, begin on a clean broker;
/// stopping it deletes the vhost. A check's run and `sdlab start`'s run have different vhosts, so one
/// never empties or counts the other's messages. It has no process of its own.
/// </summary>
public sealed class EmptiedBroker(string name, RabbitMqServer server, string vhost) : LabResource(name)
{
    private bool _emptied;

    public RabbitMqServer Server => server;
    public string Vhost => vhost;
    /// <summary>The run's vhost as the lab user: what the run's apps are given.</summary>
    public string ConnectionString => server.ConnectionStringFor(vhost);
    public override string Kind => "rabbitmq-vhost";
    public override IReadOnlyList<Endpoint> Endpoints => server.Endpoints;
    public override string? LogPath => server.LogPath;
    public override int? ProcessId => null;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await server.ResetAsync(vhost, cancellationToken);
        _emptied = true;
    }

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(_emptied);

    public override void ThrowIfFailed()
    {
    }

    // The node is shared: it outlives the run and stops with `sdlab stop`. The run's vhost goes with the run.
    public override async Task StopAsync()
    {
        if (!_emptied)
        {
            return;
        }
        _emptied = false;
        try
        {
            await server.DeleteVhostAsync(vhost);
        }
        catch (Exception e) when (e is HttpRequestException or LabException or TaskCanceledException)
        {
            // A node already stopping takes its vhosts with it: nothing is left to clean.
        }
    }
}
