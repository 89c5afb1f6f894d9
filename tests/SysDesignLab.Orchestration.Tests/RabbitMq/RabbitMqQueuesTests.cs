using SysDesignLab.Orchestration.RabbitMq;

namespace SysDesignLab.Orchestration.Tests.RabbitMq;

public sealed class RabbitMqQueuesTests
{
    // Trimmed from a real GET /api/queues/%2F?columns=… of RabbitMQ 3.10: a queue with traffic, and a
    // dead-letter queue that only RabbitMQ itself put messages into (so it has no message_stats).
    private const string Sample = """
        [{"consumers":1,"message_stats":{"ack":3,"ack_details":{"rate":0.0},"deliver":2,"deliver_get":6,"deliver_get_details":{"rate":0.6},
          "deliver_no_ack":1,"get":3,"get_no_ack":0,"publish":10,"publish_details":{"rate":2.0},"redeliver":1},
          "messages_ready":5,"messages_unacknowledged":2,"name":"work"},
         {"consumers":0,"messages_ready":3,"messages_unacknowledged":0,"name":"work.dlq"},
         {"name":"just.declared"}]
        """;

    [Fact]
    public void Parse_reads_each_queue_and_counts_missing_figures_as_zero()
    {
        var figures = RabbitMqQueues.Parse(Sample);

        Assert.Equal(new QueueFigures("work", Ready: 5, Unacked: 2, Published: 10, Delivered: 6, Redelivered: 1, Consumers: 1) { Acked = 4 }, figures["work"]);
        Assert.Equal(new QueueFigures("work.dlq", 3, 0, 0, 0, 0, 0), figures["work.dlq"]);
        Assert.Equal(new QueueFigures("just.declared", 0, 0, 0, 0, 0, 0), figures["just.declared"]);
    }

    [Fact]
    public void Dead_lettered_counts_what_the_dead_letter_queue_holds_and_what_was_taken_from_it()
    {
        var figures = RabbitMqQueues.Parse(Sample);

        Assert.Equal(3, RabbitMqQueues.DeadLettered(figures, "work.dlq"));
        Assert.Equal(11, RabbitMqQueues.DeadLettered(figures, "work"));
        Assert.Equal(0, RabbitMqQueues.DeadLettered(figures, "missing"));
    }

    [Fact]
    public void Parse_of_an_empty_vhost_is_empty()
    {
        Assert.Empty(RabbitMqQueues.Parse("[]"));
    }
}
