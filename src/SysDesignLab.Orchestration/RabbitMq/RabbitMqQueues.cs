using System.Text.Json;

namespace SysDesignLab.Orchestration.RabbitMq;

/// <summary>
/// One queue's figures since it was declared (a reset declares everything anew): messages waiting
/// (<paramref name="Ready"/>), delivered but not yet acknowledged (<paramref name="Unacked"/>), routed
/// into it by publishers (<paramref name="Published"/>), handed to consumers or basic.get, redeliveries
/// included (<paramref name="Delivered"/>), handed out again after a requeue or a lost consumer
/// (<paramref name="Redelivered"/>), and its consumers now.
/// </summary>
public sealed record QueueFigures(string Name, long Ready, long Unacked, long Published, long Delivered, long Redelivered, long Consumers)
{
    /// <summary>Messages consumers took for good: acknowledged, or delivered in auto-ack mode.</summary>
    public long Acked { get; init; }
}

/// <summary>
/// Per-queue figures of one of the lab's vhosts, from the management API (/api/queues). The node refreshes
/// them every <see cref="RabbitMqServer.StatisticsInterval"/>, so read them a second or so after the
/// load stops.
/// </summary>
/// <remarks>
/// Dead-lettered messages: RabbitMQ moves them into the dead-letter queue without a publisher, so that
/// queue's <see cref="QueueFigures.Published"/> stays 0. What reached it is what it holds plus what
/// consumers took from it for good (<see cref="DeadLettered"/>).
/// </remarks>
public static class RabbitMqQueues
{
    private const string Columns = "name,messages_ready,messages_unacknowledged,consumers,message_stats";

    public static async Task<IReadOnlyDictionary<string, QueueFigures>> ReadAsync(RabbitMqServer server, CancellationToken cancellationToken) =>
        await ReadAsync(server, "/", cancellationToken);

    /// <summary>The queues of one virtual host (a run's own).</summary>
    public static async Task<IReadOnlyDictionary<string, QueueFigures>> ReadAsync(RabbitMqServer server, string vhost, CancellationToken cancellationToken)
    {
        using var api = server.Management();
        return Parse(await api.GetAsync($"queues/{Uri.EscapeDataString(vhost)}?columns={Columns}", cancellationToken));
    }

    /// <summary>Figures by queue name from the JSON of GET /api/queues/{vhost}; figures not reported yet count 0.</summary>
    public static IReadOnlyDictionary<string, QueueFigures> Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        var queues = new Dictionary<string, QueueFigures>(StringComparer.Ordinal);
        foreach (var queue in document.RootElement.EnumerateArray())
        {
            var name = queue.GetProperty("name").GetString() ?? "";
            var stats = queue.TryGetProperty("message_stats", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
            queues[name] = new QueueFigures(
                name,
                Number(queue, "messages_ready"),
                Number(queue, "messages_unacknowledged"),
                Number(stats, "publish"),
                Number(stats, "deliver_get"),
                Number(stats, "redeliver"),
                Number(queue, "consumers"))
            {
                Acked = Number(stats, "ack") + Number(stats, "deliver_no_ack") + Number(stats, "get_no_ack"),
            };
        }
        return queues;
    }

    /// <summary>
    /// Messages dead-lettered into <paramref name="deadLetterQueue"/> so far: still in it, plus taken from
    /// it for good. 0 when the queue does not exist (nothing was dead-lettered, or it was never declared).
    /// </summary>
    public static long DeadLettered(IReadOnlyDictionary<string, QueueFigures> figures, string deadLetterQueue) =>
        figures.TryGetValue(deadLetterQueue, out var queue) ? queue.Ready + queue.Unacked + queue.Acked : 0;

    private static long Number(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) &&
        value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number)
            ? number
            : 0;
}
