using System.Diagnostics;

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
        var deadline = Stopwatch.StartNew();
        while (IsAlive(pid) && deadline.Elapsed < grace)
        {
            await Task.Delay(50);
        }
        NativeMethods.Kill(-pid, NativeMethods.SIGKILL);
        NativeMethods.Kill(pid, NativeMethods.SIGKILL);
        // A signal to the group is delivered to each member in its own time: the leader may be
        // gone while a child is still dying. Stopped means the whole group has gone.
        while ((IsAlive(pid) || GroupHasLiveMember(pid)) && deadline.Elapsed < grace + TimeSpan.FromSeconds(5))
        {
            await Task.Delay(20);
        }
    }

    /// <summary>True while a process of group <paramref name="groupId"/> runs (zombies, which only wait to be reaped, do not count).</summary>
    private static bool GroupHasLiveMember(int groupId)
    {
        var group = groupId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out _))
            {
                continue;
            }
            try
            {
                // After the command's closing parenthesis: state, parent pid, process group, …
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields.Length > 2 && fields[2] == group && fields[0] is not ("Z" or "X"))
                {
                    return true;
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended while we looked.
            }
        }
        return false;
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
