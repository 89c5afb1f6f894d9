using SysDesignLab.Orchestration.Processes;
using SysDesignLab.Orchestration.Redis;

namespace SysDesignLab.Orchestration.Tests.Redis;

/// <summary>`sdlab stop` finds the lab's Redis servers through their pid files, whoever started them.</summary>
[Trait("Category", "Integration")]
public sealed class RedisStopAllTests
{
    [Fact]
    public async Task StopAllAsync_stops_servers_another_LabHost_started()
    {
        await using var lab = new RedisTestLab();
        var cache = await lab.StartAsync("cache");
        var sessions = await lab.StartAsync("sessions");
        var pids = new[] { cache.ProcessId!.Value, sessions.ProcessId!.Value };

        // A LabPaths of its own, as another sdlab invocation would have.
        await RedisServer.StopAllAsync(new LabPaths(lab.Paths.RepositoryRoot, lab.StateRoot));

        Assert.All(pids, pid => Assert.Empty(RedisProcesses.InGroup(pid)));
        Assert.False(File.Exists(Path.Combine(cache.Folder, "server.pid")));
        Assert.False(await cache.IsHealthyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task StopAllAsync_leaves_alone_a_process_that_is_not_a_lab_redis_server()
    {
        await using var lab = new RedisTestLab();
        var folder = Directory.CreateDirectory(Path.Combine(lab.StateRoot, "redis", "stale")).FullName;
        var other = BackgroundProcess.Start("/bin/sleep", ["60"], Path.Combine(folder, "sleep.log"));
        try
        {
            // A pid file whose pid has since been taken by another program.
            await File.WriteAllTextAsync(Path.Combine(folder, "server.pid"), $"{other.Pid}\n6379\n{int.MaxValue - 1}\n");

            await RedisServer.StopAllAsync(lab.Paths);

            Assert.True(other.IsRunning);
            Assert.False(File.Exists(Path.Combine(folder, "server.pid")));
        }
        finally
        {
            await other.StopAsync(TimeSpan.FromSeconds(5));
        }
    }

    [Fact]
    public async Task StopAllAsync_does_nothing_when_the_lab_never_ran_redis()
    {
        await using var lab = new RedisTestLab();
        await RedisServer.StopAllAsync(lab.Paths);
        Assert.False(Directory.Exists(Path.Combine(lab.StateRoot, "redis")));
    }
}
