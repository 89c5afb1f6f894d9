using System.Text.Json;
using System.Text.Json.Serialization;
using SysDesignLab.Orchestration;

namespace SysDesignLab.Scenarios.Running;

/// <summary>
/// What `sdlab start` left running in the background, so later commands (load, status, stop)
/// find it: every process of the scenario's system, the entry point first. Written atomically: a
/// kill mid-write leaves the previous file, never half of one.
/// </summary>
public sealed record RunState(string Scenario, string Variant, DateTimeOffset StartedAt, IReadOnlyList<ResourceState> Resources)
{
    /// <summary>Where traffic goes: the load balancer when there is one, else the app.</summary>
    [JsonIgnore]
    public ResourceState Entry => Resources[0];

    [JsonIgnore]
    public int AppPid => Entry.Pid ?? 0;

    [JsonIgnore]
    public string AppUrl => Entry.Endpoint ?? "";

    /// <summary>App instances behind the entry point (none when the app is the entry point).</summary>
    [JsonIgnore]
    public IEnumerable<ResourceState> Replicas => Resources.Skip(1).Where(r => r.Kind == "app");

    /// <summary>The processes that belong to this run (not servers shared with other lab commands), entry point first.</summary>
    [JsonIgnore]
    public IEnumerable<ResourceState> Owned => Resources.Where(r => !r.Shared);

    /// <summary>Every log a learner may want to read, labelled with its resource's name, the entry point's first.</summary>
    public IEnumerable<(string Name, string Path)> Logs() => Resources.Where(r => r.Log is not null).Select(r => (r.Name, r.Log!));

    /// <summary>Commands that open a shell on a resource (psql, redis-cli), by resource name.</summary>
    public IEnumerable<(string Name, string Command)> ConnectCommands() => Resources.Where(r => r.Connect is not null).Select(r => (r.Name, r.Connect!));

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The state, or null when there is none or it was written by an older lab version (it is then not ours to read).</summary>
    public static RunState? Load(string path)
    {
        try
        {
            return StateFile.Read<RunState>(path, Options) is { Resources.Count: > 0 } state ? state : null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or ArgumentNullException)
        {
            return null;
        }
    }

    public void Save(string path) => StateFile.Write(path, this, Options);

    public static void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}

/// <summary>One process of a started scenario, as run.json keeps it.</summary>
/// <param name="Shared">A server other lab commands use too: stopping the app leaves it running; `sdlab stop` stops it.</param>
/// <param name="Connect">A command that opens a shell on it (psql), when there is one.</param>
/// <param name="StartTicks">When <paramref name="Pid"/> started (see BackgroundProcess.StartTicks): another lab command signals the pid only while it still names this process.</param>
public sealed record ResourceState(string Name, string Kind, int? Pid, string? Endpoint, string? Log, bool Shared = false, string? Connect = null, long? StartTicks = null);
