using System.Runtime.InteropServices;

namespace SysDesignLab.Orchestration.Processes;

internal static partial class NativeMethods
{
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;
    public const int SIGSTOP = 19;
    public const int SIGCONT = 18;

    /// <summary>The signal's name for messages (SIGSTOP rather than 19).</summary>
    public static string SignalName(int signal) => signal switch
    {
        SIGINT => "SIGINT",
        SIGKILL => "SIGKILL",
        SIGTERM => "SIGTERM",
        SIGSTOP => "SIGSTOP",
        SIGCONT => "SIGCONT",
        _ => $"signal {signal}",
    };

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "geteuid")]
    public static partial uint GetEffectiveUserId();
}
