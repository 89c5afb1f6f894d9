using System.Globalization;

namespace SysDesignLab.Orchestration.Processes;

/// <summary>
/// Who uses one of the lab's shared servers (PostgreSQL, RabbitMQ), so one lab command never stops or restarts it under
/// another. A lab command holds a lease file with an flock for as long as it uses the server: the
/// kernel drops the lock when the process dies, so a crashed holder's lease is seen as stale.
/// `sdlab start`'s app, which outlives the CLI that started it, gets a lease by pid instead.
/// </summary>
/// <remarks>
/// Files are named after the holder's pid: "{pid}-{random}.lease" (flock'd; one per server object, so
/// two users in one process, like the web lab's, each count) and "{pid}.app" (live while that process,
/// with the start time written in the file, runs). A lease is locked under a temporary name and then
/// renamed, so a lease file seen under its final name is always already locked while its holder lives.
/// </remarks>
internal sealed class ServerLeases(string folder, string server)
{
    private const string LeaseExtension = ".lease";
    private const string AppExtension = ".app";

    /// <summary>Takes a lease for this process; disposing it gives the lease back.</summary>
    public Lease Take()
    {
        Directory.CreateDirectory(folder);
        var name = $"{Environment.ProcessId}-{Guid.NewGuid():N}"[..24];
        var temp = Path.Combine(folder, name + ".tmp");
        var held = FileLock.TryAcquire(temp, FileMode.CreateNew)
            ?? throw new LabException($"Could not take a lease on the lab's {server} in {folder}.");
        var path = Path.Combine(folder, name + LeaseExtension);
        File.Move(temp, path);
        return new Lease(held, path);
    }

    /// <summary>A lease for a process that uses the server without the lab in it (`sdlab start`'s app).</summary>
    public void TakeFor(int pid)
    {
        if (StartTime(pid) is not { } started)
        {
            return;
        }
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, pid.ToString(CultureInfo.InvariantCulture) + AppExtension), started);
    }

    /// <summary>The pids holding a live lease, other than <paramref name="except"/>; stale leases are removed.</summary>
    public IReadOnlyList<int> LiveHolders(Lease? except = null)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var holders = new List<int>();
        foreach (var path in Directory.EnumerateFiles(folder))
        {
            if (path == except?.Path || HolderPid(path) is not { } pid)
            {
                continue;
            }
            if (IsLive(path, pid))
            {
                holders.Add(pid);
            }
        }
        return holders.Distinct().Order().ToList();
    }

    private static int? HolderPid(string path)
    {
        var extension = Path.GetExtension(path);
        if (extension is not (LeaseExtension or AppExtension))
        {
            return null;
        }
        var name = Path.GetFileNameWithoutExtension(path);
        var dash = name.IndexOf('-', StringComparison.Ordinal);
        return int.TryParse(dash < 0 ? name : name[..dash], NumberStyles.None, CultureInfo.InvariantCulture, out var pid) ? pid : null;
    }

    private static bool IsLive(string path, int pid)
    {
        try
        {
            if (Path.GetExtension(path) == AppExtension)
            {
                if (StartTime(pid) is { } started && started == File.ReadAllText(path).Trim())
                {
                    return true;
                }
                File.Delete(path);
                return false;
            }
            // Locking it succeeds only when its holder is gone.
            using var stale = FileLock.TryAcquire(path, FileMode.Open);
            if (stale is null)
            {
                return true;
            }
            File.Delete(path);
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false; // removed meanwhile by its holder or another reader
        }
    }

    /// <summary>When the process started (clock ticks since boot): a pid reused by another process does not match.</summary>
    private static string? StartTime(int pid)
    {
        if (!BackgroundProcess.IsAlive(pid))
        {
            return null;
        }
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 ? fields[19] : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>A held lease; the file goes before the lock, so nobody sees it unlocked.</summary>
    public sealed class Lease(FileLock held, string path) : IDisposable
    {
        public string Path => path;

        public void Dispose()
        {
            try
            {
                File.Delete(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The lock still goes below; a leftover file is then stale and removed by the next reader.
            }
            held.Dispose();
        }
    }
}
