using SysDesignLab.Orchestration.Redis;

namespace SysDesignLab.Orchestration.Tests.Redis;

/// <summary>A throwaway state folder for one test's Redis servers; stops every one of them when disposed.</summary>
internal sealed class RedisTestLab : IAsyncDisposable
{
    private readonly List<LabHost> _hosts = [];

    public string StateRoot { get; } = LabPaths.CreateTemporaryStateRoot("sdlab-redis-test-");
    public LabPaths Paths => new(LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!, StateRoot);

    /// <summary>A server started through its own <see cref="LabHost"/>, as a scenario run starts one.</summary>
    public async Task<RedisServer> StartAsync(string name = "cache", IReadOnlyDictionary<string, string>? settings = null)
    {
        var host = new LabHost();
        _hosts.Add(host);
        var server = host.Add(new RedisServer(name, Paths, settings));
        await host.StartAsync();
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            await host.DisposeAsync();
        }
        await RedisServer.StopAllAsync(Paths);
        Directory.Delete(StateRoot, recursive: true);
    }
}
