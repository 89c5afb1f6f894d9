using System.Globalization;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Cli.Tests.Commands;

[Trait("Category", "Integration")]
public sealed class InterruptTests
{
    [Fact]
    public async Task Ctrl_C_during_a_check_says_what_it_stops_and_stops_everything_it_started()
    {
        using var sdlab = new SdlabProcess();
        // A live load line means the server, the database and the app are all up.
        using var check = new BackgroundCommand(sdlab, "warm-up", "check", "01", "--solution");
        await check.WaitForLineAsync(TimeSpan.FromMinutes(3));
        Assert.NotEmpty(sdlab.LabProcesses());

        await ProcessRunner.RunAsync("kill", ["-INT", check.Process.Id.ToString(CultureInfo.InvariantCulture)]);
        await check.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(45));

        Assert.Equal(130, check.Process.ExitCode);
        Assert.True(check.Printed("Ctrl-C: stopping what this command started"), check.Output);
        Assert.Empty(sdlab.LabProcesses());
    }

    [Fact]
    public async Task A_second_check_is_refused_at_once_and_stop_ends_a_killed_checks_app()
    {
        using var sdlab = new SdlabProcess();
        using var first = new BackgroundCommand(sdlab, "warm-up", "check", "01", "--solution");
        await first.WaitForLineAsync(TimeSpan.FromMinutes(3));

        var second = await sdlab.RunAsync("check", "01");

        Assert.Equal(2, second.ExitCode);
        Assert.Contains($"A check of 01-single-server is already running (pid {first.Process.Id}", second.Output, StringComparison.Ordinal);
        Assert.False(first.Process.HasExited, "the second check must not disturb the first:\n" + first.Output);

        // kill -9: the check cannot clean up; its app is left until it notices or stop ends it.
        await ProcessRunner.RunAsync("kill", ["-KILL", first.Process.Id.ToString(CultureInfo.InvariantCulture)]);
        await first.Process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        var stop = await sdlab.RunAsync("stop");

        Assert.Equal(0, stop.ExitCode);
        Assert.Contains($"A check of 01-single-server (pid {first.Process.Id}) was interrupted", stop.Output, StringComparison.Ordinal);
        Assert.Empty(sdlab.LabProcesses());
    }
}
