using System.ComponentModel;
using System.Diagnostics;

namespace SysDesignLab.ScenarioKit;

/// <summary>Answers "is that process still the one we saw?" without being its parent.</summary>
internal static class ProcessProbe
{
    public static DateTime? StartTime(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.StartTime;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Gone already, or the OS won't say (Windows, other user): compare existence only.
            return null;
        }
    }

    public static bool IsAlive(int pid, DateTime? expectedStartTime)
    {
        if (IsLinuxZombie(pid))
        {
            // A killed process whose own parent has not reaped it yet still has a PID entry.
            return false;
        }

        try
        {
            using var process = Process.GetProcessById(pid);
            if (process.HasExited)
            {
                return false;
            }

            return expectedStartTime is null || StartTime(pid) is not { } now || now == expectedStartTime;
        }
        catch (ArgumentException)
        {
            return false; // No process with that id.
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Can't inspect it, so don't kill a healthy app on a guess.
            return true;
        }
    }

    private static bool IsLinuxZombie(int pid)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            // Format: "pid (comm) S ...". comm may contain spaces and ')', so take the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            var end = stat.LastIndexOf(')');
            return end >= 0 && end + 2 < stat.Length && stat[end + 2] is 'Z' or 'X';
        }
        catch (IOException)
        {
            return false; // Gone: let the caller's normal lookup say so.
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
