using SysDesignLab.Cli.Output;
using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Progress;

namespace SysDesignLab.Cli.Commands;

/// <summary>
/// Runs a command's body with the lab context and turns failures into one readable message and
/// exit code 2. A stack trace is never the answer: unexpected errors are logged to a file instead.
/// </summary>
public static class CommandRunner
{
    public const int Ok = 0;
    public const int Failed = 1;
    public const int Error = 2;

    public static async Task<int> RunAsync(Func<LabContext, CancellationToken, Task<int>> body, CancellationToken cancellationToken)
    {
        LabContext? context = null;
        try
        {
            return await GuardAsync(async () =>
            {
                context = LabContext.Create();
                return await body(context, cancellationToken);
            }, () => context, "Interrupted: everything this command started has been stopped.", cancellationToken);
        }
        finally
        {
            context?.Dispose();
        }
    }

    /// <summary>
    /// For commands that also work outside a lab checkout (e.g. <c>sdlab load --url</c>): the same
    /// messages and exit codes, without looking for the repository.
    /// </summary>
    public static Task<int> RunStandaloneAsync(Func<CancellationToken, Task<int>> body, CancellationToken cancellationToken) =>
        GuardAsync(() => body(cancellationToken), () => null, "Interrupted.", cancellationToken);

    private static async Task<int> GuardAsync(Func<Task<int>> body, Func<LabContext?> context, string interrupted, CancellationToken cancellationToken)
    {
        // Stopping apps and servers takes seconds; say so at once rather than look hung.
        using var onInterrupt = cancellationToken.Register(() =>
            Ui.Warn("Ctrl-C: stopping what this command started (apps, and PostgreSQL if it started it); this takes a few seconds…"));
        try
        {
            return await body();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Ui.Warn(interrupted);
            return 130;
        }
        catch (Exception e) when (e is LabException or ProgressStoreException)
        {
            Ui.Error(e.Message);
            return Error;
        }
        catch (Exception e) when (PostgresRefusals.Explain(e) is { } refusal)
        {
            Ui.Error(refusal.Message);
            return Error;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            var log = WriteCrashLog(context(), e);
            Ui.Error($"Unexpected error: {e.Message}\nDetails were written to {log}. Please report it with that file.");
            return Error;
        }
    }

    private static string WriteCrashLog(LabContext? context, Exception e)
    {
        var folder = context?.Paths.Logs ?? Path.GetTempPath();
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "sdlab-error.log");
        File.AppendAllText(path, $"[{TimeProvider.System.GetUtcNow():O}] {e}\n\n");
        return path;
    }
}
