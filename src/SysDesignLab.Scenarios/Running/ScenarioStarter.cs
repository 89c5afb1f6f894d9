using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Processes;
using SysDesignLab.Scenarios.Engine;

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
        var bindings = await environment.BindAsync(scenario, progress, cancellationToken);

        var infrastructure = new LabHost(_time);
        var host = new LabHost(_time);
        try
        {
            await ScenarioEnvironment.StartSharedAsync(infrastructure, bindings, progress, cancellationToken);
            var run = environment.AddTo(host, scenario, bindings, variant, assembly, "", exitWithLab: false, progress);
            await host.StartAsync(progress, cancellationToken);
            var state = new RunState(scenario.Id, variant.ToString().ToLowerInvariant(), _time.GetUtcNow(), Describe(run));
            state.Save(Paths.RunState);
            // The run's processes keep using the shared servers after this CLI exits: no other lab command may stop them meanwhile.
            foreach (var pid in state.Owned.Select(r => r.Pid).OfType<int>())
            {
                foreach (var binding in bindings)
                {
                    binding.LeaseFor(pid);
                }
            }
            // Gives this command's own leases back; shared servers stay up, as the run's leases are live.
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

    /// <summary>Every process of the run, the entry point first, then the app's instances, then each resource's.</summary>
    private static List<ResourceState> Describe(RunContext run)
    {
        var states = new List<ResourceState>();
        void Add(LabResource resource, bool shared, string? connect)
        {
            if (states.Any(s => s.Name == resource.Name))
            {
                return;
            }
            var endpoint = resource.Endpoints.Count > 0 ? resource.Endpoints[0].ToString() : null;
            var pid = resource.ProcessId;
            var started = pid is { } id ? BackgroundProcess.StartTicks(id) : null;
            states.Add(new ResourceState(resource.Name, resource.Kind, pid, endpoint, resource.LogPath, shared, connect, started));
        }
        Add(run.EntryPoint, shared: false, connect: null);
        foreach (var app in run.Apps)
        {
            Add(app, shared: false, connect: null);
        }
        foreach (var binding in run.Bindings)
        {
            foreach (var resource in binding.RunProcesses(run))
            {
                Add(resource, shared: binding.SharedServers.Contains(resource), binding.ConnectCommand(run));
            }
        }
        return states;
    }

    /// <summary>The running scenario's state when its app still answers, else null.</summary>
    public static RunState? Running(LabPaths paths)
    {
        var state = RunState.Load(paths.RunState);
        return state is not null && BackgroundProcess.IsAlive(state.AppPid) ? state : null;
    }

    /// <summary>Stops the run's own processes (apps, balancer, per-run servers); shared servers stay for the next command.</summary>
    public async Task StopAppAsync()
    {
        if (RunState.Load(Paths.RunState) is { } state)
        {
            foreach (var pid in state.Owned.Select(r => r.Pid).OfType<int>())
            {
                await BackgroundProcess.StopGroupAsync(pid, TimeSpan.FromSeconds(10));
            }
        }
        RunState.Delete(Paths.RunState);
    }

    /// <summary>Stops the app and every server of the lab, whoever started them.</summary>
    public async Task StopAllAsync(IProgress<string>? progress)
    {
        if (RunState.Load(Paths.RunState) is { } state)
        {
            progress?.Report($"Stopping the {state.Scenario} app (pid {state.AppPid})…");
        }
        await StopAppAsync();
        await Checks.CheckLock.StopAsync(Paths, progress);
        foreach (var kind in environment.Registry.Kinds)
        {
            await kind.StopAllAsync(Paths, progress);
        }
    }
}
