using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Web.Hosting;

/// <summary>
/// The web lab as a background process, started like the lab's apps (own session, log file):
/// `dotnet sdlab.dll web --port N`. It outlives the `sdlab start` that launched it until `sdlab stop`.
/// </summary>
public static class WebLabProcess
{
    public const int DefaultPort = 5400;
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(1) };

    /// <summary>Starts the web lab (or finds the one already serving on that port) and returns its state.</summary>
    public static async Task<WebLabState> EnsureAsync(LabPaths paths, string cliAssembly, int port, IReadOnlyList<string> allowHosts, CancellationToken cancellationToken)
    {
        var statePath = WebLabState.PathIn(paths.StateRoot);
        if (WebLabState.Load(statePath) is { } existing && BackgroundProcess.IsAlive(existing.Pid))
        {
            if (existing.Port == port && (existing.AllowedHosts ?? []).SequenceEqual(allowHosts, StringComparer.Ordinal))
            {
                return existing;
            }
            await BackgroundProcess.StopGroupAsync(existing.Pid, TimeSpan.FromSeconds(5));
        }
        if (FreePort.IsInUse(port))
        {
            throw new LabException(PortOwner.Describe(port));
        }
        var log = Path.Combine(paths.Logs, "web.log");
        string[] arguments = [cliAssembly, "web", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. allowHosts.SelectMany(h => new[] { AllowedHosts.Option, h })];
        var process = BackgroundProcess.Start("dotnet", arguments, log,
            new Dictionary<string, string>
            {
                ["SDLAB_ROOT"] = paths.RepositoryRoot,
                ["SDLAB_STATE_DIR"] = paths.StateRoot,
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            },
            paths.RepositoryRoot);
        var state = new WebLabState(process.Pid, port, $"http://127.0.0.1:{port}/", log, [.. allowHosts]);
        var deadline = TimeProvider.System.GetTimestamp();
        while (TimeProvider.System.GetElapsedTime(deadline) < TimeSpan.FromSeconds(30))
        {
            if (!process.IsRunning)
            {
                throw new LabException($"The web lab exited while starting:\n{process.Tail(15)}");
            }
            if (await AnswersAsync(state, cancellationToken))
            {
                state.Save(statePath);
                return state;
            }
            await Task.Delay(200, cancellationToken);
        }
        await process.StopAsync(TimeSpan.FromSeconds(5));
        throw new LabException($"The web lab did not answer on {state.Url} within 30 s. Its log: {log}");
    }

    public static async Task<WebLabState?> StopAsync(LabPaths paths)
    {
        var statePath = WebLabState.PathIn(paths.StateRoot);
        var state = WebLabState.Load(statePath);
        if (state is not null)
        {
            await BackgroundProcess.StopGroupAsync(state.Pid, TimeSpan.FromSeconds(5));
            File.Delete(statePath);
        }
        return state;
    }

    private static async Task<bool> AnswersAsync(WebLabState state, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(new Uri(new Uri(state.Url), "healthz"), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
