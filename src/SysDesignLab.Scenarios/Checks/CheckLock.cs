using System.Text.Json;
using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>What a running check has told the rest of the lab: who runs it, and the apps it started.</summary>
public sealed record CheckInfo(int Pid, string Scenario, string Variant, DateTimeOffset StartedAt, IReadOnlyList<int> AppPids);

/// <summary>
/// One check at a time per lab state folder. Two checks at once would measure each other on two
/// cores, and they share the check database: the second recreates it under the first. The second
/// is refused at once with a message naming the first, from the CLI and the web lab alike.
/// </summary>
/// <remarks>
/// The lock is a file opened with <see cref="FileShare.None"/> (an flock on Linux, dropped by the
/// kernel when the holder dies), so a killed check never blocks the next one. Beside it,
/// <c>check.json</c> says who holds it and which app processes it started, so `sdlab stop` can end
/// the apps of a check that was killed before they noticed.
/// </remarks>
public sealed class CheckLock : IDisposable
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
    private readonly FileLock _file;
    private readonly string _infoPath;
    private CheckInfo _info;

    private CheckLock(FileLock file, string infoPath, CheckInfo info)
    {
        _file = file;
        _infoPath = infoPath;
        _info = info;
        Write();
    }

    public static string LockPath(LabPaths paths) => Path.Combine(paths.StateRoot, "check.lock");

    public static string InfoPath(LabPaths paths) => Path.Combine(paths.StateRoot, "check.json");

    /// <summary>Takes the lock, or throws a <see cref="LabException"/> naming the check that holds it.</summary>
    public static CheckLock Acquire(LabPaths paths, string scenario, string variant, TimeProvider time)
    {
        Directory.CreateDirectory(paths.StateRoot);
        if (FileLock.TryAcquire(LockPath(paths)) is { } file)
        {
            return new CheckLock(file, InfoPath(paths), new CheckInfo(Environment.ProcessId, scenario, variant, time.GetUtcNow(), []));
        }
        var holder = Read(paths);
        var who = holder is null
            ? "Another check is already running"
            : $"A check of {holder.Scenario} is already running (pid {holder.Pid}, started {Ago(time.GetUtcNow() - holder.StartedAt)} ago)";
        throw new LabException(
            $"{who}; two checks at once would measure each other. Wait for it to finish, or cancel it (Ctrl-C in its terminal, Cancel in the web lab, or `./sdlab stop`).");
    }

    /// <summary>The running (or last, if its holder was killed) check's record, if any.</summary>
    public static CheckInfo? Read(LabPaths paths) => StateFile.Read<CheckInfo>(InfoPath(paths), Options);

    /// <summary>True when a live process holds the lock (not merely a record left by a killed check).</summary>
    public static bool IsHeld(LabPaths paths)
    {
        if (!File.Exists(LockPath(paths)))
        {
            return false;
        }
        using var probe = FileLock.TryAcquire(LockPath(paths), FileMode.Open);
        return probe is null;
    }

    /// <summary>
    /// `sdlab stop`: interrupts a running check (it then stops what it started, as on Ctrl-C) and
    /// stops the apps of a check that was killed before they noticed their parent was gone.
    /// </summary>
    public static async Task StopAsync(LabPaths paths, IProgress<string>? progress)
    {
        if (Read(paths) is not { } info)
        {
            return;
        }
        var held = IsHeld(paths);
        if (held && BackgroundProcess.IsAlive(info.Pid) && info.Pid != Environment.ProcessId)
        {
            progress?.Report($"Interrupting the running check of {info.Scenario} (pid {info.Pid}); it stops its app…");
            await BackgroundProcess.InterruptAsync(info.Pid, TimeSpan.FromSeconds(45));
        }
        else if (!held)
        {
            var left = info.AppPids.Where(BackgroundProcess.IsAlive).ToList();
            progress?.Report(left.Count == 0
                ? $"A check of {info.Scenario} (pid {info.Pid}) was interrupted; its apps have already stopped."
                : $"A check of {info.Scenario} (pid {info.Pid}) was interrupted; stopping the apps it left (pid {string.Join(", ", left)})…");
        }
        // Whatever the check managed to stop itself, make sure none of its apps outlives this call.
        foreach (var pid in info.AppPids.Where(BackgroundProcess.IsAlive))
        {
            await BackgroundProcess.StopGroupAsync(pid, TimeSpan.FromSeconds(10));
        }
        if (!IsHeld(paths))
        {
            try
            {
                File.Delete(InfoPath(paths));
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Remembers app processes this check started, for `sdlab stop` to find if the check is killed.</summary>
    public void RecordApps(IEnumerable<int> pids)
    {
        _info = _info with { AppPids = [.. _info.AppPids.Concat(pids).Distinct().Where(BackgroundProcess.IsAlive)] };
        Write();
    }

    private void Write() => StateFile.Write(_infoPath, _info, Options);

    private static string Ago(TimeSpan elapsed) =>
        elapsed.TotalSeconds < 90 ? $"{Math.Max(0, elapsed.TotalSeconds):0} s" : $"{elapsed.TotalMinutes:0} min";

    public void Dispose()
    {
        try
        {
            File.Delete(_infoPath);
        }
        catch (IOException)
        {
        }
        _file.Dispose();
    }
}
