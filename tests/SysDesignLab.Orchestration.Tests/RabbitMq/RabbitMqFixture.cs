using System.Diagnostics;
using SysDesignLab.Orchestration.RabbitMq;

namespace SysDesignLab.Orchestration.Tests.RabbitMq;

/// <summary>One real RabbitMQ node for a test class, in a throwaway state folder, started as the lab starts it.</summary>
public sealed class RabbitMqFixture : IAsyncLifetime
{
    /// <summary>Given to the node so the settings' way into rabbitmq.conf is exercised too.</summary>
    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        ["vm_memory_high_watermark"] = "0.6",
        ["disk_free_limit"] = "20MB",
        ["consumer_timeout"] = "600000",
    };

    public string StateRoot { get; } = LabPaths.CreateTemporaryStateRoot("sdlab-mq-test-");
    public LabPaths Paths => new(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, StateRoot);
    public RabbitMqServer Server { get; private set; } = null!;
    public TimeSpan StartTime { get; private set; }

    public async Task InitializeAsync()
    {
        Server = new RabbitMqServer("mq", Paths, Settings);
        var host = new LabHost();
        host.Add(Server);
        var started = Stopwatch.StartNew();
        await host.StartAsync();
        StartTime = started.Elapsed;
    }

    public async Task DisposeAsync()
    {
        await RabbitMqServer.StopAllAsync(Paths);
        Directory.Delete(StateRoot, recursive: true);
    }
}

/// <summary>Node tests run one after another: two nodes booting at once on a small machine would skew the timings they report.</summary>
[CollectionDefinition(Name)]
public sealed class RabbitMqCollection
{
    public const string Name = "rabbitmq";
}
