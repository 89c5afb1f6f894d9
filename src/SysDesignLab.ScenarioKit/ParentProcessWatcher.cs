using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace SysDesignLab.ScenarioKit;

/// <summary>
/// Stops the app when the lab process that launched it has died, so a killed <c>sdlab</c> (kill -9,
/// closed terminal) never leaves an orphan holding a port and database connections.
/// </summary>
internal sealed partial class ParentProcessWatcher(
    IHostApplicationLifetime lifetime,
    ILogger<ParentProcessWatcher> logger) : BackgroundService
{
    public const string EnvironmentVariable = "SDLAB_PARENT_PID";

    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var raw = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(raw))
        {
            return; // Started by hand (dotnet run): nobody to follow.
        }

        if (!int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var pid) || pid <= 0)
        {
            LogInvalidPid(logger, EnvironmentVariable, raw);
            return;
        }

        // Remembered so a recycled PID (the lab died, an unrelated process got its number) is
        // still recognised as "gone".
        var parentStartedAt = ProcessProbe.StartTime(pid);

        using var timer = new PeriodicTimer(PollInterval);
        try
        {
            do
            {
                if (!ProcessProbe.IsAlive(pid, parentStartedAt))
                {
                    LogParentGone(logger, pid);
                    lifetime.StopApplication();
                    return;
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Normal shutdown.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Variable}='{Value}' is not a process id; not watching the lab process.")]
    private static partial void LogInvalidPid(ILogger logger, string variable, string value);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The lab process {Pid} is gone; stopping so no orphan app is left behind.")]
    private static partial void LogParentGone(ILogger logger, int pid);
}
