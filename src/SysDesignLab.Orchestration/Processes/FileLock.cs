namespace SysDesignLab.Orchestration.Processes;

/// <summary>
/// An exclusive lock on a file, shared between lab processes: a file opened with
/// <see cref="FileShare.None"/>, on which .NET on Linux takes an flock. The kernel drops it when the
/// holder exits, so a killed process never leaves a lock behind.
/// </summary>
public sealed class FileLock : IDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private readonly FileStream _file;

    private FileLock(FileStream file) => _file = file;

    public string Path => _file.Name;

    /// <summary>Waits until no other process or thread holds the lock, then holds it until disposed.</summary>
    public static async Task<FileLock> AcquireAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (TryAcquire(path) is { } held)
            {
                return held;
            }
            await Task.Delay(Poll, cancellationToken);
        }
    }

    /// <summary>The lock when nobody holds it now, else null (without waiting).</summary>
    public static FileLock? TryAcquire(string path, FileMode mode = FileMode.OpenOrCreate)
    {
        try
        {
            return new FileLock(new FileStream(path, mode, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
