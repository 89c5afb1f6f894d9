using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Scenarios.Running;

/// <summary>
/// A process of `sdlab start`'s run, known from run.json by its pid, as a fault's target for
/// `sdlab load`: it can be paused, continued and killed from another lab command. Restarting needs
/// how it was launched, which only the command that started it has.
/// </summary>
public sealed class StartedProcess(ResourceState state) : LabResource(state.Name)
{
    public override string Kind => state.Kind;
    public override IReadOnlyList<Endpoint> Endpoints => [];
    public override string? LogPath => state.Log;
    // A pid from run.json is only ours while it names the same process: the app may have exited and the
    // pid gone to another program, which a fault must never pause or kill.
    public override int? ProcessId =>
        state.Pid is { } pid && BackgroundProcess.IsAlive(pid) && (state.StartTicks is null || BackgroundProcess.StartTicks(pid) == state.StartTicks) ? pid : null;

    /// <summary>The processes of a started run by name, for a fault schedule.</summary>
    public static Func<string, LabResource?> Resolver(RunState run) =>
        name => run.Resources.FirstOrDefault(r => r.Name == name) is { } found ? new StartedProcess(found) : null;

    public override Task StartAsync(CancellationToken cancellationToken) => throw Unsupported();

    public override Task RestartAsync(CancellationToken cancellationToken) => throw Unsupported();

    public override Task<bool> IsHealthyAsync(CancellationToken cancellationToken) => Task.FromResult(ProcessId is not null);

    public override void ThrowIfFailed()
    {
    }

    public override Task StopAsync() => ProcessId is { } pid ? BackgroundProcess.StopGroupAsync(pid, TimeSpan.FromSeconds(10)) : Task.CompletedTask;

    private LabException Unsupported() => new(
        $"'{Name}' was started by `sdlab start`, and `sdlab load` cannot start it again: run `sdlab start` again, " +
        "or use `sdlab check`, whose fault schedule restarts what it kills.");
}
