using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Processes;
using SysDesignLab.Scenarios;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Web.ScenarioPage;

/// <summary>
/// What the Environment section shows, read before rendering: which resources run, whether they
/// answer, the last log lines. Reading is the I/O; <see cref="EnvironmentView"/> only draws it.
/// </summary>
/// <param name="Run">This scenario's run, or null when it is not running.</param>
/// <param name="OtherRunning">The scenario that runs instead, when another one does.</param>
public sealed record EnvironmentSnapshot(
    Scenario Scenario,
    RunState? Run,
    string? OtherRunning,
    bool AppAlive,
    bool Healthy,
    IReadOnlyList<ResourceRow> Resources,
    IReadOnlyList<LogExcerpt> Logs)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(1) };

    public static async Task<EnvironmentSnapshot> ReadAsync(Scenario scenario, LabPaths paths, CancellationToken cancellationToken)
    {
        var state = RunState.Load(paths.RunState);
        var mine = state is not null && state.Scenario == scenario.Id ? state : null;
        if (mine is null)
        {
            var other = state is not null && BackgroundProcess.IsAlive(state.AppPid) ? state.Scenario : null;
            return new(scenario, null, other, false, false, [], []);
        }
        var alive = BackgroundProcess.IsAlive(mine.AppPid);
        var healthy = alive && await IsHealthyAsync(new Uri(new Uri(mine.AppUrl), scenario.App.Health), cancellationToken);
        var connects = mine.ConnectCommands().ToDictionary(c => c.Name, c => c.Command);
        // Every other process of the run, as run.json lists them: app instances, then the servers.
        var resources = mine.Resources.Skip(1)
            .Select(r => new ResourceRow(r, r.Pid is { } pid && BackgroundProcess.IsAlive(pid), connects.GetValueOrDefault(r.Name)))
            .ToList();
        var logs = mine.Logs().Select(l => new LogExcerpt(l.Name, l.Path, LogTail.Read(l.Path, 12))).ToList();
        return new(scenario, mine, null, alive, healthy, resources, logs);
    }

    private static async Task<bool> IsHealthyAsync(Uri health, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(health, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}

public sealed record ResourceRow(ResourceState Resource, bool Alive, string? Connect);

public sealed record LogExcerpt(string Name, string Path, string Tail);
