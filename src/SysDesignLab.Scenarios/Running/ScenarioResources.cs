using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Orchestration.Projects;

namespace SysDesignLab.Scenarios.Running;

/// <summary>
/// A scenario's running parts. <see cref="App"/> is where traffic goes: the load balancer when the
/// scenario has one, else the single app; <see cref="Replicas"/> are the app instances behind it.
/// </summary>
public sealed record ScenarioResources(PostgresDatabase? Database, DotnetAppResource App, IReadOnlyList<DotnetAppResource> Replicas)
{
    /// <summary>Stops the entry point and every replica, so their database sessions end.</summary>
    public async Task StopAppsAsync()
    {
        foreach (var app in Replicas.Prepend(App).Distinct())
        {
            await app.StopAsync();
        }
    }
}
