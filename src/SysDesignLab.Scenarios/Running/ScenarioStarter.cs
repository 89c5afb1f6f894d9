using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Scenarios.Running;

/// <summary>
/// `sdlab start`: the scenario's infrastructure and app, left running in the background with a
/// <see cref="RunState"/> so later commands find them; `Stop` tears everything down.
/// </summary>
public sealed class ScenarioStarter(ScenarioEnvironment environment, TimeProvider? timeProvider = null)
{
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private LabPaths Paths => environment.Paths;

    public async Task<RunState> StartAsync(Scenario scenario, AppVariant variant, IProgress<string>? progress, CancellationToken cancellationToken)
    {
        await StopAppAsync();
        await NaiveSnapshot.EnsureAsync(scenario, cancellationToken);
        progress?.Report($"Building {(variant == AppVariant.Solution ? "the reference solution" : "your app")} ({Path.GetRelativePath(Paths.RepositoryRoot, environment.ProjectFor(scenario, variant))})…");
        var assembly = await environment.BuildAsync(scenario, variant, cancellationToken);
        await environment.BuildInfrastructureAsync(scenario, cancellationToken);

        var infrastructure = new LabHost(_time);
        var host = new LabHost(_time);
        var server = environment.CreatePostgres(scenario, progress);
        try
        {
            if (server is not null)
            {
                infrastructure.Add(server);
                await infrastructure.StartAsync(progress, cancellationToken);
            }
            var resources = environment.AddTo(host, scenario, server, variant, assembly, "", exitWithLab: false, progress);
            await host.StartAsync(progress, cancellationToken);
            var state = new RunState(
                scenario.Id,
                variant.ToString().ToLowerInvariant(),
                resources.App.ProcessId!.Value,
                resources.App.BaseUrl.ToString().TrimEnd('/'),
                resources.App.LogPath!,
                resources.Database?.DatabaseName,
                server?.Port,
                _time.GetUtcNow())
            {
                PasswordFile = server?.PasswordFile,
                Replicas = resources.Replicas.Where(r => r != resources.App)
                    .Select(r => new ReplicaState(r.Name, r.ProcessId!.Value, r.BaseUrl.ToString().TrimEnd('/'), r.LogPath!))
                    .ToList(),
            };
            state.Save(Paths.RunState);
            // The app keeps using the server after this CLI exits: no other lab command may stop it meanwhile.
            foreach (var pid in state.Replicas.Select(r => r.Pid).Prepend(state.AppPid))
            {
                server?.LeaseFor(pid);
            }
            // Gives this command's own lease back; the server stays up, as the app's leases are live.
            await infrastructure.StopAsync();
            return state;
        }
        catch
        {
            // Half-started is worse than not started: take down what this attempt brought up.
            await host.StopAsync();
            await infrastructure.StopAsync();
            throw;
        }
    }

    /// <summary>The running scenario's state when its app still answers, else null.</summary>
    public static RunState? Running(LabPaths paths)
    {
        var state = RunState.Load(paths.RunState);
        return state is not null && BackgroundProcess.IsAlive(state.AppPid) ? state : null;
    }

    public async Task StopAppAsync()
    {
        if (RunState.Load(Paths.RunState) is { } state)
        {
            foreach (var pid in state.Replicas.Select(r => r.Pid).Prepend(state.AppPid))
            {
                await BackgroundProcess.StopGroupAsync(pid, TimeSpan.FromSeconds(10));
            }
            RunState.Delete(Paths.RunState);
        }
    }

    /// <summary>Stops the app and the lab's database servers (replicas and ones older lab versions left included), whoever started them.</summary>
    public async Task StopAllAsync(IProgress<string>? progress)
    {
        if (RunState.Load(Paths.RunState) is { } state)
        {
            progress?.Report($"Stopping the {state.Scenario} app (pid {state.AppPid})…");
        }
        await StopAppAsync();
        await Checks.CheckLock.StopAsync(Paths, progress);
        await Orchestration.Postgres.PostgresServer.StopAllAsync(Paths, progress);
    }
}
