using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Tests.Faults;

/// <summary>
/// A fault reaches the target's whole process tree, also a child that moved to a process group of
/// its own (as each PostgreSQL backend does), which a signal to the group alone would miss.
/// </summary>
public sealed class ProcessGroupSignalTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sdlab-signal-").FullName;

    [Fact]
    public async Task A_pause_stops_a_child_in_a_group_of_its_own_and_a_resume_lets_it_run()
    {
        var (process, stray) = await StartWithStrayAsync();
        try
        {
            BackgroundProcess.SignalGroup(process.Pid, NativeMethods.SIGSTOP);
            Assert.True(await StateBecomesAsync(process.Pid, stopped: true), "the shell did not stop");
            Assert.True(await StateBecomesAsync(stray, stopped: true), "the child in its own group did not stop");

            BackgroundProcess.SignalGroup(process.Pid, NativeMethods.SIGCONT);
            Assert.True(await StateBecomesAsync(process.Pid, stopped: false), "the shell stayed stopped");
            Assert.True(await StateBecomesAsync(stray, stopped: false), "the child in its own group stayed stopped");
        }
        finally
        {
            await BackgroundProcess.KillGroupAsync(process.Pid, TimeSpan.FromSeconds(5));
        }
    }

    [Fact]
    public async Task A_kill_ends_a_child_in_a_group_of_its_own_too()
    {
        var (process, stray) = await StartWithStrayAsync();

        await BackgroundProcess.KillGroupAsync(process.Pid, TimeSpan.FromSeconds(5));

        Assert.False(BackgroundProcess.IsGroupAlive(process.Pid));
        Assert.False(BackgroundProcess.IsAlive(stray), "the child in its own group outlived the kill");
    }

    [Fact]
    public void Signalling_a_group_that_does_not_exist_says_why()
    {
        var error = Assert.Throws<LabException>(() => BackgroundProcess.SignalGroup(int.MaxValue - 1, NativeMethods.SIGSTOP));
        Assert.StartsWith($"Could not send SIGSTOP to process group {int.MaxValue - 1}: ", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A shell leading its group, with a sleep it started in a session (and group) of its own.</summary>
    private async Task<(BackgroundProcess Process, int Stray)> StartWithStrayAsync()
    {
        var pidFile = Path.Combine(_folder, "stray.pid");
        var process = BackgroundProcess.Start("/bin/sh", ["-c", $"setsid sleep 300 & echo $! > {pidFile}; wait"], Path.Combine(_folder, "log.txt"));
        for (var i = 0; i < 100; i++)
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var stray) && GroupOf(stray) == stray)
            {
                return (process, stray);
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("the child never wrote its pid or never got a group of its own");
    }

    private static string[] Stat(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
    }

    /// <summary>A signalled process changes state once the kernel next runs it: on a busy machine, not at once.</summary>
    private static async Task<bool> StateBecomesAsync(int pid, bool stopped)
    {
        for (var i = 0; i < 50; i++)
        {
            if ((Stat(pid)[0] == "T") == stopped)
            {
                return true;
            }
            await Task.Delay(20);
        }
        return false;
    }

    private static int GroupOf(int pid) => int.Parse(Stat(pid)[2], System.Globalization.CultureInfo.InvariantCulture);

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
