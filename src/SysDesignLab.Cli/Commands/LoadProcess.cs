using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SysDesignLab.Cli.Commands;

/// <summary>
/// Runs <c>sdlab load</c> again as its own process with <c>DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1</c>:
/// socket completions then run on the epoll thread instead of hopping to the thread pool, which measured
/// markedly more req/s per CPU for the generator (docs/benchmarks.md). The runtime reads the variable once,
/// at start-up, so it cannot be switched on inside this process; it is not set for the whole lab because
/// the scenario apps the lab starts would inherit it. Setting the variable yourself (to 0 or 1) skips this.
/// The child also gets <c>DOTNET_TC_CallCountingDelayMs=0</c> (unless set): the runtime normally holds back
/// tier-1 recompilation while new methods keep appearing, and a load run's first seconds are exactly that, so
/// the generator ran at about half speed for 2–3 s; without the delay it reaches full speed within about a
/// second, i.e. inside a 1 s warm-up (docs/benchmarks.md).
/// </summary>
internal static class LoadProcess
{
    public const string Variable = "DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS";
    public const string CallCountingDelay = "DOTNET_TC_CallCountingDelayMs";

    private const int SigInt = 2;

    public static bool ShouldRelaunch =>
        OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable(Variable) is null && Environment.ProcessPath is not null;

    public static async Task<int> RelaunchAsync(CancellationToken cancellationToken)
    {
        var args = Environment.GetCommandLineArgs();
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet")
        {
            // `dotnet sdlab.dll load …`: the first argument is the entry assembly.
            start.ArgumentList.Add(args[0]);
        }
        foreach (var arg in args.Skip(1))
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment[Variable] = "1";
        if (Environment.GetEnvironmentVariable(CallCountingDelay) is null)
        {
            start.Environment[CallCountingDelay] = "0";
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        // A Ctrl-C in a terminal reaches both processes; a SIGINT sent to this one alone is passed on, so the
        // child still stops its run cleanly and prints what it measured.
        using var forward = cancellationToken.Register(() => _ = Kill(child.Id, SigInt));
        await child.WaitForExitAsync(CancellationToken.None);
        return child.ExitCode;
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
