using RabbitMQ.Client;
using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Tests.Kinds.RabbitMq;

[Trait("Category", "Integration")]
public sealed class RabbitMqKindTests
{
    private const string Resources = """[{ "kind": "postgres", "name": "db" }, { "kind": "rabbitmq", "name": "mq" }]""";

    [Fact]
    public async Task Each_run_starts_on_an_emptied_broker_the_metric_source_counts_its_messages_and_stop_all_ends_the_node()
    {
        using var folder = new ScenarioFolder(manifest: ScenarioFolder.ValidManifest
            .Replace("""[{ "kind": "postgres", "name": "db" }]""", Resources, StringComparison.Ordinal)
            .Replace("""["Chirp=db"]""", """["Chirp=db", "mq"]""", StringComparison.Ordinal));
        var scenario = ManifestLoader.Load(folder.Path);
        var paths = new LabPaths(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, LabPaths.CreateTemporaryStateRoot("sdlab-rabbit-kind-"));
        var binding = (await new ScenarioEnvironment(paths).BindAsync(scenario, null, CancellationToken.None)).Single(b => b.Name == "mq");
        await using var infrastructure = new LabHost();
        try
        {
            await ScenarioEnvironment.StartSharedAsync(infrastructure, [binding], null, CancellationToken.None);
            var run = new RunContext(scenario, paths, "_test", exitWithLab: true, progress: null);
            // What an earlier run left on the shared node, before this run is added.
            await PublishAsync(binding.ConnectionString(run)!, "left-over");

            await using var host = new LabHost();
            binding.AddToRun(host, run);
            await host.StartAsync();
            var window = await LabRegistry.Default.MetricSource("rabbitmq")!.StartAsync(binding, run, CancellationToken.None);
            await PublishAsync(binding.ConnectionString(run)!, "signups", count: 3);
            await window.LoadEndedAsync(CancellationToken.None);
            var figures = await window.FinishAsync(requests: 3, CancellationToken.None);

            Assert.Equal(3, figures["messagesPublished"]);
            Assert.Equal(3, figures["messagesReady"]);
        }
        finally
        {
            await LabRegistry.Default.Kind("rabbitmq")!.StopAllAsync(paths, null);
        }
        Assert.DoesNotContain(Directory.EnumerateDirectories("/proc").Select(d => Path.Combine(d, "environ")), BelongsToThisLab);

        bool BelongsToThisLab(string environ)
        {
            try
            {
                return File.ReadAllText(environ).Contains(paths.StateRoot, StringComparison.Ordinal);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return false;
            }
        }
    }

    private static async Task PublishAsync(string uri, string queue, int count = 1)
    {
        var factory = new ConnectionFactory { Uri = new Uri(uri) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        for (var i = 0; i < count; i++)
        {
            await channel.BasicPublishAsync("", queue, "hello"u8.ToArray());
        }
    }
}
