using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SysDesignLab.Orchestration.Processes;

/// <summary>
/// A long-running child (an app, a server) started in its own session, so a Ctrl-C meant for
/// the CLI does not reach it and the lab can stop the whole process group later, even from
/// another sdlab invocation. Output goes to a log file, never to a pipe the CLI must drain.
/// </summary>
public sealed class BackgroundProcess
{
    // Kept for the exit status: the runtime reaps a child it still tracks, and only this object can
    // tell its exit code afterwards (null for a process attached by pid from another invocation).
    private readonly Process? _process;

    private BackgroundProcess(int pid, string logPath, Process? process = null)
    {
        Pid = pid;
        LogPath = logPath;
        _process = process;
    }

    public int Pid { get; }
    public string LogPath { get; }

    public static BackgroundProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        string logPath,
        IReadOnlyDictionary<string, string>? environment = null,
        string? workingDirectory = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(logPath)!);
        File.WriteAllText(logPath, "");
        // sh redirects and execs into setsid, which execs into the program: one pid all the way,
        // and that pid leads its own process group.
        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        startInfo.ArgumentList.Add("-c");
        startInfo.ArgumentList.Add("exec setsid \"$0\" \"$@\" >>\"$SDLAB_LOG_FILE\" 2>&1 </dev/null");
        startInfo.ArgumentList.Add(fileName);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.Environment["SDLAB_LOG_FILE"] = logPath;
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            startInfo.Environment[key] = value;
        }
        var process = Process.Start(startInfo)
            ?? throw new LabException($"Could not start `{fileName}`.");
        return new BackgroundProcess(process.Id, logPath, process);
    }

    public static BackgroundProcess Attach(int pid, string logPath) => new(pid, logPath);

    public bool IsRunning => IsAlive(Pid);

    /// <summary>
    /// How the process ended, once it has (sh and setsid exec into the program, so this is the
    /// program's own code; a signal shows as 128 + its number). Null while it runs, or when attached.
    /// </summary>
    public int? ExitCode => _process is { HasExited: true } ? _process.ExitCode : null;

    public static bool IsAlive(int pid)
    {
        if (pid <= 0 || NativeMethods.Kill(pid, 0) != 0)
        {
            return false;
        }
        // A zombie (exited, not yet reaped by us) answers kill(0) but is not running.
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var state = stat[(stat.LastIndexOf(')') + 2)..].FirstOrDefault();
            return state != 'Z' && state != 'X';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>
    /// When the process started, in clock ticks since boot (/proc/&lt;pid&gt;/stat field 22): with the
    /// pid it names one process for good, so a pid written down earlier and since reused by an
    /// unrelated program is not mistaken for ours. Null when no such process is running.
    /// </summary>
    public static long? StartTicks(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command name, which may itself hold spaces and parentheses: state is field 3, start time field 22.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return fields.Length > 19 && long.TryParse(fields[19], out var ticks) ? ticks : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>SIGTERM to the whole group, then SIGKILL if it has not gone after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        await StopGroupAsync(Pid, grace);
    }

    public static async Task StopGroupAsync(int pid, TimeSpan grace)
    {
        if (!IsAlive(pid))
        {
            return;
        }
        NativeMethods.Kill(-pid, NativeMethods.SIGTERM);
        NativeMethods.Kill(pid, NativeMethods.SIGTERM);
        // A stopped process (a fault's pause) keeps SIGTERM pending until it runs again.
        NativeMethods.Kill(-pid, NativeMethods.SIGCONT);
        var deadline = Stopwatch.StartNew();
        while (IsAlive(pid) && deadline.Elapsed < grace)
        {
            await Task.Delay(50);
        }
        NativeMethods.Kill(-pid, NativeMethods.SIGKILL);
        NativeMethods.Kill(pid, NativeMethods.SIGKILL);
        // A signal to the group is delivered to each member in its own time: the leader may be
        // gone while a child is still dying. Stopped means the whole group has gone.
        while (IsGroupAlive(pid) && deadline.Elapsed < grace + TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// SIGKILL to the group and its strays at once, no SIGTERM first (a crash, not a shutdown), then
    /// waits until all of them have gone; throws a <see cref="LabException"/> if one still runs after
    /// <paramref name="timeout"/>.
    /// </summary>
    public static async Task KillGroupAsync(int groupId, TimeSpan timeout)
    {
        var strays = SignalGroup(groupId, NativeMethods.SIGKILL);
        var deadline = Stopwatch.StartNew();
        // Each member dies in its own time: the leader may be gone while another is still dying.
        while (IsGroupAlive(groupId) || strays.Any(IsAlive))
        {
            if (deadline.Elapsed >= timeout)
            {
                throw new LabException($"Process group {groupId} still runs {timeout.TotalSeconds:0} s after SIGKILL.");
            }
            await Task.Delay(20);
        }
    }

    /// <summary>
    /// Sends <paramref name="signal"/> to every process of group <paramref name="groupId"/> (the lab
    /// starts each child in its own session, so a child's pid is its group's id) and to the strays:
    /// descendants that moved to groups of their own, as each PostgreSQL backend does. Returns the
    /// strays; throws a <see cref="LabException"/> saying why when the kernel refuses.
    /// </summary>
    internal static IReadOnlyList<int> SignalGroup(int groupId, int signal)
    {
        if (groupId <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(groupId), groupId, "A process group id is positive.");
        }
        // Frozen first, so no member forks a child the scan would miss (SIGKILL also works on a stopped process).
        var freeze = signal == NativeMethods.SIGCONT ? signal : NativeMethods.SIGSTOP;
        if (NativeMethods.Kill(-groupId, freeze) != 0)
        {
            var error = Marshal.GetLastPInvokeError();
            throw new LabException($"Could not send {NativeMethods.SignalName(signal)} to process group {groupId}: " +
                $"{Marshal.GetPInvokeErrorMessage(error)} (errno {error}).");
        }
        var strays = Strays(groupId);
        NativeMethods.Kill(-groupId, signal);
        foreach (var stray in strays)
        {
            // One may have ended meanwhile: nothing left to signal.
            NativeMethods.Kill(stray, signal);
        }
        return strays;
    }

    /// <summary>True while a process of group <paramref name="groupId"/> runs, stopped ones included (zombies, which only wait to be reaped, do not count).</summary>
    public static bool IsGroupAlive(int groupId) => IsAlive(groupId) || ProcessTable().Any(p => p.GroupId == groupId && p.IsLive);

    /// <summary>Live descendants of the group's members that are not in the group themselves.</summary>
    private static List<int> Strays(int groupId)
    {
        var table = ProcessTable();
        var children = table.ToLookup(p => p.ParentId);
        var seen = table.Where(p => p.GroupId == groupId).Select(p => p.Pid).ToHashSet();
        var queue = new Queue<int>(seen);
        var strays = new List<int>();
        while (queue.TryDequeue(out var pid))
        {
            foreach (var child in children[pid].Where(c => seen.Add(c.Pid)))
            {
                queue.Enqueue(child.Pid);
                if (child.IsLive)
                {
                    strays.Add(child.Pid);
                }
            }
        }
        return strays;
    }

    private readonly record struct ProcessEntry(int Pid, int ParentId, int GroupId, bool IsLive);

    private static List<ProcessEntry> ProcessTable()
    {
        var table = new List<ProcessEntry>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                // After the command's closing parenthesis: state, parent pid, process group, …
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields.Length > 2 && int.TryParse(fields[1], out var parent) && int.TryParse(fields[2], out var group))
                {
                    // A zombie only waits to be reaped: it runs no more.
                    table.Add(new ProcessEntry(pid, parent, group, fields[0] is not ("Z" or "X")));
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }
        return table;
    }

    /// <summary>
    /// Ctrl-C from outside: SIGINT, so a lab command cleans up what it started as it would on a
    /// key press; the group is stopped if it has not ended after <paramref name="grace"/>.
    /// </summary>
    public static async Task InterruptAsync(int pid, TimeSpan grace)
    {
        if (!IsAlive(pid))
        {
            return;
        }
        NativeMethods.Kill(pid, NativeMethods.SIGINT);
        var deadline = Stopwatch.StartNew();
        while (IsAlive(pid) && deadline.Elapsed < grace)
        {
            await Task.Delay(50);
        }
        await StopGroupAsync(pid, TimeSpan.FromSeconds(5));
    }

    /// <summary>The last lines of the log, for error messages when the process died.</summary>
    public string Tail(int lines = 20) => LogTail.Read(LogPath, lines);
}
