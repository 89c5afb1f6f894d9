using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Tests.Processes;

public sealed class BackgroundProcessTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sdlab-proc-").FullName;

    [Fact]
    public async Task Stop_ends_the_process_and_its_children()
    {
        var pidFile = Path.Combine(_folder, "child.pid");
        var process = BackgroundProcess.Start("/bin/sh", ["-c", $"sleep 300 & echo $! > {pidFile}; wait"], Path.Combine(_folder, "log.txt"));
        var childPid = await WaitForPidAsync(pidFile);
        Assert.True(process.IsRunning);
        Assert.True(BackgroundProcess.IsAlive(childPid));

        await process.StopAsync(TimeSpan.FromSeconds(5));

        Assert.False(process.IsRunning);
        Assert.False(BackgroundProcess.IsAlive(childPid));
    }

    [Fact]
    public async Task Output_goes_to_the_log_file()
    {
        var log = Path.Combine(_folder, "log.txt");
        var process = BackgroundProcess.Start("/bin/sh", ["-c", "echo hello from the app; echo oops >&2"], log);
        for (var i = 0; i < 100 && process.IsRunning; i++)
        {
            await Task.Delay(50);
        }
        Assert.Equal("hello from the app\noops", process.Tail());
    }

    [Fact]
    public void A_process_that_does_not_exist_is_not_alive() => Assert.False(BackgroundProcess.IsAlive(int.MaxValue - 1));

    private static async Task<int> WaitForPidAsync(string pidFile)
    {
        for (var i = 0; i < 100; i++)
        {
            if (File.Exists(pidFile) && int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            {
                return pid;
            }
            await Task.Delay(50);
        }
        throw new TimeoutException("the child never wrote its pid");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
