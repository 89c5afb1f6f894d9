using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Projects;

namespace SysDesignLab.Scenarios.Engine;

/// <summary>
/// One run of a scenario's system: its resources as bound for the lab command, the app instances,
/// and where the traffic goes. Resources keep their per-run parts here by name.
/// </summary>
public sealed class RunContext(Scenario scenario, LabPaths paths, string suffix, bool exitWithLab, IProgress<string>? progress, TimeProvider? time = null)
{
    private readonly Dictionary<string, LabResource> _parts = new(StringComparer.Ordinal);

    public Scenario Scenario => scenario;
    public LabPaths Paths => paths;
    /// <summary>Appended to per-run names ("_check"), so a check's run never touches `sdlab start`'s.</summary>
    public string Suffix => suffix;
    /// <summary>The run's processes end when the lab process that started them ends (checks).</summary>
    public bool ExitWithLab => exitWithLab;
    public IProgress<string>? Progress => progress;
    public TimeProvider Time { get; } = time ?? TimeProvider.System;

    public IReadOnlyList<ResourceBinding> Bindings { get; init; } = [];
    /// <summary>
    /// The folder of the app's code in this run (app/, solution/, or the naive snapshot): a resource
    /// may read a file the learner owns from it (the Redis kind's "config").
    /// </summary>
    public string? AppFolder { get; init; }
    /// <summary>The app's instances (one unless the manifest asks for replicas).</summary>
    public IReadOnlyList<DotnetAppResource> Apps { get; set; } = [];
    /// <summary>Where traffic goes: the resource in front of the apps, else the single app.</summary>
    public DotnetAppResource EntryPoint { get; set; } = null!;

    public void SetPart(string resourceName, LabResource part) => _parts[resourceName] = part;

    /// <summary>The per-run part a resource added (a database), if any.</summary>
    public T? Part<T>(string resourceName) where T : LabResource => _parts.GetValueOrDefault(resourceName) as T;

    /// <summary>The first per-run part of type <typeparamref name="T"/>, for probes that need "the database".</summary>
    public T? Part<T>() where T : LabResource => _parts.Values.OfType<T>().FirstOrDefault();

    public ResourceBinding? Binding(string name) => Bindings.FirstOrDefault(b => b.Name == name);

    /// <summary>
    /// The process a fault names: an app instance, the entry point, or a resource, which for a
    /// shared server is the server itself (restarting "db" restarts PostgreSQL, not a database).
    /// </summary>
    public LabResource? FaultTarget(string name) =>
        Apps.Prepend(EntryPoint).FirstOrDefault(a => a.Name == name) as LabResource
        ?? (Binding(name) is { } binding
            ? binding.SharedServers.FirstOrDefault() ?? _parts.GetValueOrDefault(name)
            : null);

    /// <summary>Stops the entry point and every instance, so their sessions with the servers end.</summary>
    public async Task StopAppsAsync()
    {
        foreach (var app in Apps.Prepend(EntryPoint).Distinct())
        {
            await app.StopAsync();
        }
    }
}
