using SysDesignLab.Orchestration.Faults;

namespace SysDesignLab.Orchestration.Tests.Faults;

public sealed class FaultValidationTests
{
    private static readonly string[] Targets = ["app-1", "app-2", "worker"];
    private static readonly TimeSpan Run = TimeSpan.FromSeconds(60);

    private static TimeSpan S(double seconds) => TimeSpan.FromSeconds(seconds);

    private static IReadOnlyList<string> Validate(params Fault[] faults) => FaultRunner.Validate(faults, Targets, Run);

    [Fact]
    public void A_schedule_of_pause_kill_and_restart_is_valid()
    {
        Assert.Empty(Validate(
            new Fault(S(10), FaultAction.Pause, "app-2", S(5)),
            new Fault(S(15), FaultAction.Kill, "worker"),
            new Fault(S(20), FaultAction.Restart, "worker")));
    }

    [Fact]
    public void A_restart_of_a_target_never_killed_is_valid() =>
        Assert.Empty(Validate(new Fault(S(5), FaultAction.Restart, "app-1")));

    [Fact]
    public void An_unknown_target_is_named_with_the_known_ones() =>
        Assert.Equal(
            ["Fault 1 (kill wrker at 15 s): there is no target 'wrker'; the targets are app-1, app-2, worker."],
            Validate(new Fault(S(15), FaultAction.Kill, "wrker")));

    [Fact]
    public void A_pause_without_for_says_what_for_means() =>
        Assert.Equal(
            ["Fault 1 (pause app-2 at 10 s): a pause needs `for`, how long app-2 stays stopped (\"for\": \"5s\", say)."],
            Validate(new Fault(S(10), FaultAction.Pause, "app-2")));

    [Fact]
    public void For_on_a_kill_or_restart_is_refused() =>
        Assert.Equal(
            ["Fault 1 (kill worker at 15 s): `for` applies to a pause only; a killed target stays down until a restart brings it back.",
             "Fault 2 (restart worker at 20 s): `for` applies to a pause only; a restart is over once the target is healthy again."],
            Validate(new Fault(S(15), FaultAction.Kill, "worker", S(5)), new Fault(S(20), FaultAction.Restart, "worker", S(5))));

    [Fact]
    public void A_fault_at_or_after_the_end_of_the_run_would_never_happen() =>
        Assert.Equal(
            ["Fault 1 (kill worker at 60 s) would never happen: the run lasts 60 s.",
             "Fault 2 (restart worker at 90.5 s) would never happen: the run lasts 60 s."],
            Validate(new Fault(S(60), FaultAction.Kill, "worker"), new Fault(S(90.5), FaultAction.Restart, "worker")));

    [Fact]
    public void A_pause_inside_another_pause_of_the_same_target_is_refused_whatever_the_list_order()
    {
        Assert.Equal(
            ["Fault 1 (pause app-1 at 12 s): app-1 is still paused then, by fault 2 (until 15 s); a pause cannot start inside another."],
            Validate(new Fault(S(12), FaultAction.Pause, "app-1", S(1)), new Fault(S(10), FaultAction.Pause, "app-1", S(5))));
        Assert.Empty(Validate(new Fault(S(10), FaultAction.Pause, "app-1", S(5)), new Fault(S(10), FaultAction.Pause, "app-2", S(5))));
    }

    [Fact]
    public void Resume_is_not_an_action_of_a_schedule() =>
        Assert.Equal(
            ["Fault 1 (resume app-1 at 5 s): resume is not an action of its own; a pause ends by itself after its `for`."],
            Validate(new Fault(S(5), FaultAction.Resume, "app-1")));
}
