using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Processes;
using SysDesignLab.Orchestration.Redis;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Kinds.Redis;

/// <summary>
/// "redis": a real Redis server, fresh and empty for every run (a cache starts cold), with a
/// password, on loopback. Settings: maxmemory, maxmemory-policy, appendonly, and "config": a
/// redis.conf of the app's own (a path relative to the app's folder: app/ or solution/) whose
/// maxmemory and maxmemory-policy override the manifest's, so the learner changes the eviction
/// policy in their code, not in the lab's manifest.
/// </summary>
public sealed class RedisKind : IResourceKind
{
    public string Name => "redis";
    public string Description => "Redis server, empty at the start of every run";

    public Prerequisite Prerequisite { get; } = new("Redis server", "the cache of scenarios with a redis resource", "redis-server",
        () => File.Exists("/usr/bin/redis-server") ? "/usr/bin/redis-server" : ProcessRunner.FindOnPath("redis-server"));

    /// <summary>The setting naming the app's own redis.conf.</summary>
    public const string Config = "config";

    public void Validate(ResourceSpec spec, ScenarioManifest manifest, ManifestCheck check, string at)
    {
        if (spec.Settings.GetValueOrDefault(Config) is { } config &&
            (config.Trim().Length == 0 || Path.IsPathRooted(config) || config.Split('/', '\\').Contains("..")))
        {
            check.Fail($"{at}.settings.{Config}", $"'{config}' must be a file in the app's folder, e.g. \"redis.conf\" (app/redis.conf and solution/redis.conf).");
        }
        if (RedisSettings.Validate(ServerSettings(spec.Settings)) is [var first, ..])
        {
            check.Fail($"{at}.settings", first);
        }
    }

    /// <summary>The settings Redis itself takes: all but <see cref="Config"/>.</summary>
    private static Dictionary<string, string> ServerSettings(IReadOnlyDictionary<string, string> settings) =>
        settings.Where(s => s.Key != Config).ToDictionary(s => s.Key, s => s.Value);

    /// <summary>The manifest's settings, overridden by the app's own redis.conf when the manifest names one.</summary>
    internal static IReadOnlyDictionary<string, string> SettingsFor(IReadOnlyDictionary<string, string> settings, string? appFolder)
    {
        var merged = ServerSettings(settings);
        if (settings.GetValueOrDefault(Config) is { } config && appFolder is not null)
        {
            foreach (var (key, value) in RedisConfigFile.Read(Path.Combine(appFolder, config)))
            {
                merged[key] = value;
            }
        }
        return merged;
    }

    public ResourceBinding Bind(ResourceSpec spec, BindContext context) => new Binding(spec, this, context.Paths);

    public Task StopAllAsync(LabPaths paths, IProgress<string>? progress) => RedisServer.StopAllAsync(paths);

    private sealed class Binding(ResourceSpec spec, RedisKind kind, LabPaths paths) : ResourceBinding(spec, kind)
    {
        public override LabResource? AddToRun(LabHost host, RunContext run)
        {
            // A check's server is not `sdlab start`'s: each has a name (and folder) of its own.
            var server = host.Add(new RedisServer(Name + run.Suffix, paths, SettingsFor(Spec.Settings, run.AppFolder)));
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
