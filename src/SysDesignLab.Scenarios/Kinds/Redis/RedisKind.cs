using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Processes;
using SysDesignLab.Orchestration.Redis;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Kinds.Redis;

/// <summary>
/// "redis": a real Redis server, fresh and empty for every run (a cache starts cold), with a
/// password, on loopback. Settings: maxmemory, maxmemory-policy, appendonly.
/// </summary>
public sealed class RedisKind : IResourceKind
{
    public string Name => "redis";
    public string Description => "Redis server, empty at the start of every run";

    public Prerequisite Prerequisite { get; } = new("Redis server", "the cache of scenarios with a redis resource", "redis-server",
        () => File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : ProcessRunner.FindOnPath("redis-server"));

    public void Validate(ResourceSpec spec, ScenarioManifest manifest, ManifestCheck check, string at)
    {
        if (RedisSettings.Validate(spec.Settings) is [var first, ..])
        {
            check.Fail($"{at}.settings", first);
        }
    }

    public ResourceBinding Bind(ResourceSpec spec, BindContext context) => new Binding(spec, this, context.Paths);

    public Task StopAllAsync(LabPaths paths, IProgress<string>? progress) => RedisServer.StopAllAsync(paths);

    private sealed class Binding(ResourceSpec spec, RedisKind kind, LabPaths paths) : ResourceBinding(spec, kind)
    {
        public override LabResource? AddToRun(LabHost host, RunContext run)
        {
            // A check's server is not `sdlab start`'s: each has a name (and folder) of its own.
            var server = host.Add(new RedisServer(Name + run.Suffix, paths, Spec.Settings));
            run.SetPart(Name, server);
            return server;
        }

        public override string? ConnectionString(RunContext run) => run.Part<RedisServer>(Name)?.ConnectionString;

        // redis-cli reads the password from REDISCLI_AUTH: it is never shown nor in the process list.
        public override string? ConnectCommand(RunContext run) => run.Part<RedisServer>(Name) is { } server
            ? $"REDISCLI_AUTH=\"$(cat {Shell.Quote(server.PasswordFile)})\" redis-cli -p {server.Port}"
            : null;

        public override IEnumerable<LabResource> RunProcesses(RunContext run) =>
            run.Part<RedisServer>(Name) is { } server ? [server] : [];
    }
}
