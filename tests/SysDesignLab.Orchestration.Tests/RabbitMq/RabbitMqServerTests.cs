using System.Diagnostics;
using System.Text;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;
using SysDesignLab.Orchestration.RabbitMq;
using Xunit.Abstractions;

namespace SysDesignLab.Orchestration.Tests.RabbitMq;

[Collection(RabbitMqCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RabbitMqServerTests(RabbitMqFixture fixture, ITestOutputHelper output) : IClassFixture<RabbitMqFixture>
{
    private RabbitMqServer Server => fixture.Server;

    [Fact]
    public async Task A_message_published_with_the_lab_credentials_is_consumed()
    {
        output.WriteLine($"Start with empty data (cold): {fixture.StartTime.TotalSeconds:0.0} s");
        await using var connection = await ConnectAsync(Server.ConnectionString);
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync("hello", durable: true, exclusive: false, autoDelete: false);
        var received = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += async (_, delivery) =>
        {
            received.TrySetResult(Encoding.UTF8.GetString(delivery.Body.Span));
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
        };
        await channel.BasicConsumeAsync("hello", autoAck: false, consumer);

        await channel.BasicPublishAsync("", "hello", Encoding.UTF8.GetBytes("order 42"));

        Assert.Equal("order 42", await received.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.StartsWith($"amqp://sdlab:{Server.Password}@127.0.0.1:{Server.AmqpPort}/", Server.ConnectionString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_wrong_password_and_the_guest_user_are_refused()
    {
        var wrong = $"amqp://sdlab:not-{Server.Password}@127.0.0.1:{Server.AmqpPort}/";
        var guest = $"amqp://guest:guest@127.0.0.1:{Server.AmqpPort}/";

        await Assert.ThrowsAsync<BrokerUnreachableException>(() => ConnectAsync(wrong));
        await Assert.ThrowsAsync<BrokerUnreachableException>(() => ConnectAsync(guest));
    }

    [Fact]
    public void Every_port_of_the_node_is_on_loopback_and_amqp_management_and_distribution_on_127_0_0_1()
    {
        var listeners = NodeProcesses.Listening(Server.NodeName);
        output.WriteLine(string.Join('\n', listeners));

        Assert.All(listeners, l => Assert.True(NodeProcesses.IsLoopback(l.Address), $"{l.Process} listens on {l.Address}:{l.Port}"));
        Assert.Contains(new NodeProcesses.Listener("127.0.0.1", Server.AmqpPort, "beam.smp"), listeners);
        Assert.Contains(new NodeProcesses.Listener("127.0.0.1", Server.ManagementPort, "beam.smp"), listeners);
        // Erlang distribution (beam's third port) and the node's own epmd, not the machine's on 4369.
        Assert.Equal(3, listeners.Count(l => l is { Process: "beam.smp", Address: "127.0.0.1" }));
        Assert.Contains(listeners, l => l is { Process: "epmd", Address: "127.0.0.1" } && l.Port != 4369);
    }

    [Fact]
    public void Secrets_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        foreach (var file in new[] { "password", "rabbitmq.conf", Path.Combine("home", ".erlang.cookie") })
        {
            Assert.Equal(ownerOnly, File.GetUnixFileMode(Path.Combine(Server.Folder, file)));
        }
    }

    [Fact]
    public async Task A_second_server_object_adopts_the_running_node_quickly_and_does_not_stop_it()
    {
        var pid = Server.ProcessId;
        var adopted = new RabbitMqServer("mq", fixture.Paths, RabbitMqFixture.Settings);
        var adopting = Stopwatch.StartNew();
        await adopted.StartAsync(CancellationToken.None);
        output.WriteLine($"Adopting the running node: {adopting.Elapsed.TotalMilliseconds:0} ms");

        Assert.False(adopted.StartedHere);
        Assert.Equal(pid, adopted.ProcessId);
        Assert.Equal(Server.ConnectionString, adopted.ConnectionString);
        Assert.True(adopting.Elapsed < TimeSpan.FromSeconds(3), $"adopting took {adopting.Elapsed}");
        await adopted.StopAsync();
        Assert.True(await Server.IsHealthyAsync(CancellationToken.None));
        Assert.Equal(pid, Server.ProcessId);
    }

    [Fact]
    public async Task Queue_figures_count_published_delivered_redelivered_ready_and_unacked()
    {
        await using var connection = await ConnectAsync(Server.ConnectionString);
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync("figures", durable: true, exclusive: false, autoDelete: false);
        await channel.QueueDeclareAsync("figures.idle", durable: true, exclusive: false, autoDelete: false);
        await channel.BasicConsumeAsync("figures.idle", autoAck: false, new AsyncEventingBasicConsumer(channel));
        for (var i = 0; i < 10; i++)
        {
            await channel.BasicPublishAsync("", "figures", Encoding.UTF8.GetBytes($"m{i}"));
        }
        for (var i = 0; i < 3; i++)
        {
            await channel.BasicAckAsync((await channel.BasicGetAsync("figures", autoAck: false))!.DeliveryTag, multiple: false);
        }
        var held = (await channel.BasicGetAsync("figures", autoAck: false))!;
        var requeued = (await channel.BasicGetAsync("figures", autoAck: false))!;
        await channel.BasicNackAsync(requeued.DeliveryTag, multiple: false, requeue: true);
        var again = (await channel.BasicGetAsync("figures", autoAck: false))!;

        Assert.True(again.Redelivered);
        var expected = new QueueFigures("figures", Ready: 5, Unacked: 2, Published: 10, Delivered: 6, Redelivered: 1, Consumers: 0) { Acked = 3 };
        var figures = await FiguresAsync(f => f.GetValueOrDefault("figures") == expected);
        Assert.Equal(expected, figures["figures"]);
        Assert.Equal(1, figures["figures.idle"].Consumers);
        GC.KeepAlive(held);
    }

    [Fact]
    public async Task Dead_lettered_messages_are_counted_from_the_dead_letter_queue()
    {
        await using var connection = await ConnectAsync(Server.ConnectionString);
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync("orders.dlq", durable: true, exclusive: false, autoDelete: false);
        await channel.QueueDeclareAsync("orders", durable: true, exclusive: false, autoDelete: false, arguments: new Dictionary<string, object?>
        {
            ["x-dead-letter-exchange"] = "",
            ["x-dead-letter-routing-key"] = "orders.dlq",
        });
        for (var i = 0; i < 4; i++)
        {
            await channel.BasicPublishAsync("", "orders", Encoding.UTF8.GetBytes($"o{i}"));
        }
        for (var i = 0; i < 2; i++)
        {
            await channel.BasicRejectAsync((await channel.BasicGetAsync("orders", autoAck: false))!.DeliveryTag, requeue: false);
        }
        await channel.BasicAckAsync((await channel.BasicGetAsync("orders.dlq", autoAck: false))!.DeliveryTag, multiple: false);

        var figures = await FiguresAsync(f => RabbitMqQueues.DeadLettered(f, "orders.dlq") == 2 && f["orders"].Ready == 2);
        Assert.Equal(2, RabbitMqQueues.DeadLettered(figures, "orders.dlq"));
        Assert.Equal(0, RabbitMqQueues.DeadLettered(figures, "no.such.queue"));
    }

    [Fact]
    public async Task Reset_leaves_no_queue_exchange_or_message_and_the_vhost_usable()
    {
        await using (var connection = await ConnectAsync(Server.ConnectionString))
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.ExchangeDeclareAsync("events", ExchangeType.Fanout, durable: true);
            await channel.QueueDeclareAsync("leftover", durable: true, exclusive: false, autoDelete: false);
            await channel.QueueBindAsync("leftover", "events", "");
            await channel.BasicPublishAsync("events", "", Encoding.UTF8.GetBytes("old run"));
        }

        var resetting = Stopwatch.StartNew();
        await Server.ResetAsync();
        output.WriteLine($"Reset: {resetting.Elapsed.TotalMilliseconds:0} ms");

        Assert.Empty(await RabbitMqQueues.ReadAsync(Server, CancellationToken.None));
        using (var api = Server.Management())
        {
            var exchanges = await api.GetAsync("exchanges/%2F?columns=name", CancellationToken.None);
            Assert.DoesNotContain("\"events\"", exchanges, StringComparison.Ordinal);
        }
        await using var again = await ConnectAsync(Server.ConnectionString);
        await using var fresh = await again.CreateChannelAsync();
        var declared = await fresh.QueueDeclareAsync("leftover", durable: true, exclusive: false, autoDelete: false);
        Assert.Equal(0u, declared.MessageCount);
    }

    [Fact]
    public async Task Emptying_one_runs_vhost_leaves_another_runs_messages_and_a_deleted_vhost_is_gone()
    {
        const string started = "08-queues", check = "08-queues_check";
        await Server.ResetAsync(started);
        await Server.ResetAsync(check);
        await using (var connection = await ConnectAsync(Server.ConnectionStringFor(started)))
        await using (var channel = await connection.CreateChannelAsync())
        {
            await channel.QueueDeclareAsync("signups", durable: true, exclusive: false, autoDelete: false);
            await channel.BasicPublishAsync("", "signups", Encoding.UTF8.GetBytes("sdlab start's run"));
        }

        // A check starting beside `sdlab start`'s run empties only its own vhost.
        await Server.ResetAsync(check);

        await using (var connection = await ConnectAsync(Server.ConnectionStringFor(started)))
        await using (var channel = await connection.CreateChannelAsync())
        {
            Assert.Equal(1u, (await channel.QueueDeclarePassiveAsync("signups")).MessageCount);
        }
        Assert.Empty(await RabbitMqQueues.ReadAsync(Server, check, CancellationToken.None));
        await Server.DeleteVhostAsync(started);
        using var api = Server.Management();
        var vhosts = await api.GetAsync("vhosts?columns=name", CancellationToken.None);
        Assert.DoesNotContain($"\"{started}\"", vhosts, StringComparison.Ordinal);
        Assert.Contains($"\"{check}\"", vhosts, StringComparison.Ordinal);
        await Server.DeleteVhostAsync(check);
    }

    private static Task<IConnection> ConnectAsync(string uri) =>
        new ConnectionFactory { Uri = new Uri(uri), AutomaticRecoveryEnabled = false }.CreateConnectionAsync();

    /// <summary>The node refreshes figures every StatisticsInterval: polls until they show what the test did.</summary>
    private async Task<IReadOnlyDictionary<string, QueueFigures>> FiguresAsync(Func<IReadOnlyDictionary<string, QueueFigures>, bool> done)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var figures = await RabbitMqQueues.ReadAsync(Server, CancellationToken.None);
            if (done(figures) || waited.Elapsed > TimeSpan.FromSeconds(20))
            {
                output.WriteLine($"Figures after {waited.Elapsed.TotalMilliseconds:0} ms: {string.Join("; ", figures.Values)}");
                return figures;
            }
            await Task.Delay(100);
        }
    }
}
