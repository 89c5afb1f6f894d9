using SysDesignLab.Orchestration.Projects;

namespace SysDesignLab.Orchestration.Tests.Projects;

public sealed class BuildLockTests
{
    [Fact]
    public async Task A_second_build_waits_until_the_first_releases_the_lock()
    {
        var folder = Directory.CreateTempSubdirectory("sdlab-lock-").FullName;
        var path = Path.Combine(folder, BuildLock.FileName);
        var first = await BuildLock.AcquireAsync(path, CancellationToken.None);

        var second = BuildLock.AcquireAsync(path, CancellationToken.None);
        await Task.Delay(TimeSpan.FromMilliseconds(600));
        Assert.False(second.IsCompleted, "the second build got the lock while the first held it");

        first.Dispose();
        using var held = await second.WaitAsync(TimeSpan.FromSeconds(10));
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Waiting_for_the_lock_can_be_cancelled()
    {
        var folder = Directory.CreateTempSubdirectory("sdlab-lock-").FullName;
        var path = Path.Combine(folder, BuildLock.FileName);
        using var first = await BuildLock.AcquireAsync(path, CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => BuildLock.AcquireAsync(path, cancel.Token));
    }

    [Fact]
    public void Projects_of_one_repository_share_its_lock()
    {
        var root = LabPaths.FindRepositoryRoot(AppContext.BaseDirectory)!;

        Assert.Equal(Path.Combine(root, BuildLock.FileName), BuildLock.PathFor(Path.Combine(root, "scenarios", "01-single-server", "app", "Chirp.csproj")));
        Assert.Equal(BuildLock.PathFor(Path.Combine(root, "src", "SysDesignLab.ScenarioKit", "SysDesignLab.ScenarioKit.csproj")),
            BuildLock.PathFor(Path.Combine(root, "scenarios", "02-indexes", "solution", "Chirp.csproj")));
    }
}
