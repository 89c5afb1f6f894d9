using SysDesignLab.Orchestration.Processes;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Tests.Running;

public sealed class StartedProcessTests
{
    private static readonly int Self = Environment.ProcessId;

    [Fact]
    public void A_pid_that_still_names_the_started_process_is_a_fault_target()
    {
        var process = new StartedProcess(new ResourceState("app", "app", Self, null, null, StartTicks: BackgroundProcess.StartTicks(Self)));

        Assert.Equal(Self, process.ProcessId);
    }

    [Fact]
    public void A_pid_reused_by_another_process_is_never_signalled()
    {
        var started = BackgroundProcess.StartTicks(Self)!.Value;
        // The same pid, but a process that started at another moment: what run.json holds after the app died and the pid came round again.
        var process = new StartedProcess(new ResourceState("app", "app", Self, null, null, StartTicks: started - 1));

        Assert.Null(process.ProcessId);
    }

    [Fact]
    public void Start_ticks_are_unknown_for_a_process_that_is_not_running()
    {
        Assert.Null(BackgroundProcess.StartTicks(int.MaxValue));
    }
}
