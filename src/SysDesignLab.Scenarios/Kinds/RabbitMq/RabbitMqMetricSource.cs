using SysDesignLab.Orchestration.RabbitMq;
using SysDesignLab.Scenarios.Engine;

namespace SysDesignLab.Scenarios.Kinds.RabbitMq;

/// <summary>
/// What the broker did during the run, summed over its queues (management API): messages
/// published, delivered, redelivered, and those still ready or unacknowledged once the apps stopped.
/// </summary>
public sealed class RabbitMqMetricSource : IMetricSource
{
    public string ResourceKind => "rabbitmq";

    public IReadOnlyList<MetricInfo> Metrics { get; } =
    [
        new("messagesPublished", "messages published to the broker's queues", MetricFormat.Count, "messages"),
        new("messagesDelivered", "messages delivered to consumers", MetricFormat.Count, "messages"),
        new("messagesRedelivered", "messages delivered again after a consumer did not acknowledge them", MetricFormat.Count, "messages"),
        new("messagesReady", "messages still waiting in queues after the run", MetricFormat.Count, "messages"),
        new("messagesUnacked", "messages delivered but never acknowledged when the run ended", MetricFormat.Count, "messages"),
    ];

    public Task<IMetricWindow> StartAsync(ResourceBinding binding, RunContext run, CancellationToken cancellationToken)
    {
        var broker = run.Part<EmptiedBroker>(binding.Name)
            ?? throw new InvalidOperationException($"The run has no broker for '{binding.Name}'.");
        // The run began on its own empty virtual host: every counter starts at zero.
        return Task.FromResult<IMetricWindow>(new Window(broker.Server, broker.Vhost, run.Time));
    }

    private sealed class Window(RabbitMqServer server, string vhost, TimeProvider time) : IMetricWindow
    {
        private static long Total(IReadOnlyDictionary<string, QueueFigures> queues) =>
            queues.Values.Sum(q => q.Published + q.Delivered + q.Redelivered + q.Ready + q.Unacked);

        public Task LoadEndedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public async Task<IReadOnlyDictionary<string, double>> FinishAsync(long requests, CancellationToken cancellationToken)
        {
            // The management API refreshes its figures every few hundred ms but takes seconds to show
            // a burst (1.6-4.7 s measured on a busy machine): wait 5 s, then read until two seconds
            // pass with no change (at most 15 s in all).
            var started = time.GetTimestamp();
            await Task.Delay(TimeSpan.FromSeconds(5), time, cancellationToken);
            var last = await RabbitMqQueues.ReadAsync(server, vhost, cancellationToken);
            var unchanged = 0;
            while (unchanged < 2 && time.GetElapsedTime(started) < TimeSpan.FromSeconds(15))
            {
                await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
                var next = await RabbitMqQueues.ReadAsync(server, vhost, cancellationToken);
                unchanged = Total(next) == Total(last) ? unchanged + 1 : 0;
                last = next;
            }
            var queues = last.Values;
            return new Dictionary<string, double>
            {
                ["messagesPublished"] = queues.Sum(q => q.Published),
                ["messagesDelivered"] = queues.Sum(q => q.Delivered),
                ["messagesRedelivered"] = queues.Sum(q => q.Redelivered),
                ["messagesReady"] = queues.Sum(q => q.Ready),
                ["messagesUnacked"] = queues.Sum(q => q.Unacked),
            };
        }
    }
}
