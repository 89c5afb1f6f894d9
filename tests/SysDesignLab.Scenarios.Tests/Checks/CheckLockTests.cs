using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Checks;

namespace SysDesignLab.Scenarios.Tests.Checks;

public sealed class CheckLockTests : IDisposable
{
    private readonly LabPaths _paths = new(Path.GetTempPath(), Directory.CreateTempSubdirectory("sdlab-lock-").FullName);

    [Fact]
    public void A_second_check_is_refused_with_the_running_checks_scenario_and_pid()
    {
        using var first = CheckLock.Acquire(_paths, "01-single-server", "learner", TimeProvider.System);

        var error = Assert.Throws<LabException>(() => CheckLock.Acquire(_paths, "01-single-server", "solution", TimeProvider.System));

        Assert.Contains("A check of 01-single-server is already running", error.Message, StringComparison.Ordinal);
        Assert.Contains($"pid {Environment.ProcessId}", error.Message, StringComparison.Ordinal);
        Assert.Contains("cancel it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_lock_is_free_again_once_the_check_ends()
    {
        CheckLock.Acquire(_paths, "01-single-server", "learner", TimeProvider.System).Dispose();

        using var next = CheckLock.Acquire(_paths, "02-indexes", "learner", TimeProvider.System);

        Assert.True(CheckLock.IsHeld(_paths));
        Assert.Equal("02-indexes", CheckLock.Read(_paths)!.Scenario);
    }

    [Fact]
    public void The_apps_a_check_started_are_on_record_for_stop()
    {
        using var check = CheckLock.Acquire(_paths, "01-single-server", "learner", TimeProvider.System);

        check.RecordApps([Environment.ProcessId]);

        Assert.Equal([Environment.ProcessId], CheckLock.Read(_paths)!.AppPids);
    }

    public void Dispose() => Directory.Delete(_paths.StateRoot, recursive: true);
}
