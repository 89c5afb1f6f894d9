using Npgsql;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// A full disk is one clear message, not initdb's output or a seed script blamed for it: free space
/// is checked before each step that writes much, and PostgreSQL's own "No space left on device"
/// failures are recognised and given the same message.
/// </summary>
/// <remarks>
/// Figures measured on PostgreSQL 15 with the lab's settings: initdb writes 39 MB. Scenario 02 (the
/// largest: 1M posts) grows the cluster by 440 MB while seeding its template (185 MB of data, the rest
/// WAL not yet recycled), and each fresh copy adds the template's size again.
/// </remarks>
internal static class DiskSpace
{
    private const long MB = 1024 * 1024;

    /// <summary>A new cluster, with room for the WAL it writes once started.</summary>
    public const long ClusterBytes = 100 * MB;

    /// <summary>Seeding a template: twice what scenario 02 needs, since WAL may grow up to max_wal_size before a checkpoint.</summary>
    public const long TemplateBytes = 1024 * MB;

    /// <summary>Room kept beyond a fresh copy's size, for the WAL and the run's own writes.</summary>
    public const long CopyMarginBytes = 100 * MB;

    public static void EnsureFree(string folder, long neededBytes)
    {
        if (FreeBytes(folder) is { } free && free < neededBytes)
        {
            throw Full(folder, neededBytes, free);
        }
    }

    public static LabException Full(string folder, long neededBytes, long? freeBytes = null, Exception? inner = null)
    {
        var message = $"The disk holding {folder} is full: {(freeBytes ?? FreeBytes(folder) ?? 0) / MB} MB free, the lab needs about {neededBytes / MB} MB. " +
            "Free some space (or point SDLAB_STATE_DIR at a folder on a bigger disk) and try again.";
        return inner is null ? new LabException(message) : new LabException(message, inner);
    }

    /// <summary>True when a PostgreSQL or initdb failure was the disk filling up.</summary>
    public static bool IsFull(string? output) =>
        output?.Contains("No space left on device", StringComparison.OrdinalIgnoreCase) == true;

    public static bool IsFull(Exception error) => error switch
    {
        PostgresException { SqlState: PostgresErrorCodes.DiskFull } => true,
        PostgresException postgres => IsFull(postgres.MessageText) || IsFull(postgres.Detail),
        _ => IsFull(error.Message) || (error.InnerException is { } inner && IsFull(inner)),
    };

    /// <summary>Free bytes on the file system holding <paramref name="folder"/> (or its nearest existing parent).</summary>
    public static long? FreeBytes(string folder)
    {
        var existing = new DirectoryInfo(folder);
        while (existing is not null && !existing.Exists)
        {
            existing = existing.Parent;
        }
        try
        {
            // On Linux DriveInfo takes any path and asks statvfs about the file system holding it.
            return existing is null ? null : new DriveInfo(existing.FullName).AvailableFreeSpace;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            return null;
        }
    }
}
