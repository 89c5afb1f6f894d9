using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Orchestration.Tests.Postgres;

/// <summary>A lab state folder on a tmpfs of a few MB: a disk that really fills up. Unmounted on dispose.</summary>
public sealed class SmallDisk : IAsyncDisposable
{
    private SmallDisk(string folder) => Folder = folder;

    public string Folder { get; }

    public static async Task<SmallDisk> MountAsync(int megabytes)
    {
        var folder = LabPaths.CreateTemporaryStateRoot("sdlab-small-disk-");
        var mount = await ProcessRunner.RunAsync("mount", ["-t", "tmpfs", "-o", $"size={megabytes}m,mode=755", "tmpfs", folder]);
        if (!mount.Succeeded)
        {
            Directory.Delete(folder);
            throw new InvalidOperationException($"mount -t tmpfs failed: {mount.Output}");
        }
        return new SmallDisk(folder);
    }

    public async ValueTask DisposeAsync()
    {
        if (!(await ProcessRunner.RunAsync("umount", [Folder])).Succeeded)
        {
            await ProcessRunner.RunAsync("umount", ["-l", Folder]);
        }
        Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Whether this machine lets the tests mount a tmpfs (root with CAP_SYS_ADMIN); probed once.</summary>
    public static readonly Lazy<string?> WhyNot = new(() =>
    {
        if (!ProcessRunner.IsRoot)
        {
            return "mounting a small tmpfs needs root";
        }
        try
        {
            MountAsync(1).GetAwaiter().GetResult().DisposeAsync().AsTask().GetAwaiter().GetResult();
            return null;
        }
        catch (InvalidOperationException e)
        {
            return $"mounting a small tmpfs is not permitted here ({e.Message.Trim()})";
        }
    });
}

/// <summary>A test that needs <see cref="SmallDisk"/>: skipped, saying why, where mounting is not permitted.</summary>
public sealed class SmallDiskFactAttribute : FactAttribute
{
    public SmallDiskFactAttribute()
    {
        if (SmallDisk.WhyNot.Value is { } reason)
        {
            Skip = reason;
        }
    }
}
