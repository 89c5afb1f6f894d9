using Spectre.Console;
using SysDesignLab.LoadTesting;

namespace SysDesignLab.Cli.Output;

/// <summary>
/// Shows a load run while it goes: a live panel redrawn every second in an interactive terminal, otherwise
/// (output redirected, CI) one line per second, which logs and CI output keep readable.
/// </summary>
public static class LoadView
{
    /// <summary>The panel needs a terminal that can redraw; CI logs and pipes get plain lines.</summary>
    public static bool UseLive(bool outputRedirected, bool interactiveTerminal, string? ci) =>
        !outputRedirected && interactiveTerminal && !Plain(ci);

    /// <summary>True when CI says so: plain lines, no colour codes.</summary>
    public static bool Plain(string? ci) => !(string.IsNullOrEmpty(ci) || ci is "0" || ci.Equals("false", StringComparison.OrdinalIgnoreCase));

    public static bool UseLiveHere => UseLive(
        Console.IsOutputRedirected,
        AnsiConsole.Profile.Capabilities.Interactive && AnsiConsole.Profile.Capabilities.Ansi,
        Environment.GetEnvironmentVariable("CI"));

    /// <param name="run">Starts the run, calling its argument once per sample.</param>
    public static async Task<LoadResult> ShowAsync(LoadProfile profile, Func<Action<LoadSample>, Task<LoadResult>> run)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(run);
        if (!UseLiveHere)
        {
            LoadLine.Header();
            return await run(sample => LoadLine.Print("load", sample));
        }

        var progress = new LoadProgress(profile.WarmUp, profile.Duration, profile.ArrivalRate is not null);
        LoadResult? result = null;
        await AnsiConsole.Live(LoadPanel.Render(progress)).AutoClear(false).StartAsync(async context =>
        {
            result = await run(sample =>
            {
                // Samples arrive on the run's timer thread; the context serialises the redraws.
                progress.Add(sample);
                context.UpdateTarget(LoadPanel.Render(progress));
                context.Refresh();
            });
        });
        return result!;
    }
}
