using System.Text;
using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Processes;
using SysDesignLab.Scenarios;
using SysDesignLab.Scenarios.Running;
using static SysDesignLab.Web.Html.Html;

namespace SysDesignLab.Web.ScenarioPage;

/// <summary>Which resources run, where, whether they answer, and the app's last log lines.</summary>
internal static class EnvironmentView
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(1) };

    public static async Task<string> RenderAsync(Scenario scenario, LabPaths paths, CancellationToken cancellationToken)
    {
        var state = RunState.Load(paths.RunState);
        var mine = state is not null && state.Scenario == scenario.Id ? state : null;
        var appAlive = mine is not null && BackgroundProcess.IsAlive(mine.AppPid);
        var healthy = appAlive && await IsHealthyAsync(new Uri(new Uri(mine!.AppUrl), scenario.App.Health), cancellationToken);
        var html = new StringBuilder($"<table class=\"env\" data-running=\"{(appAlive ? "true" : "false")}\"><thead><tr><th>resource</th><th>state</th><th>where</th></tr></thead><tbody>");
        if (mine is null)
        {
            var other = state is not null && BackgroundProcess.IsAlive(state.AppPid) ? $" ({E(state.Scenario)} is running)" : "";
            html.Append($"<tr><td>app</td><td><span class=\"pill not-started\">not started</span></td><td class=\"muted\">press Start{other}</td></tr>");
        }
        else
        {
            var badge = !appAlive ? "<span class=\"pill fail\">exited</span>" : healthy ? "<span class=\"pill passed\">healthy</span>" : "<span class=\"pill attempted\">not answering</span>";
            var entry = mine.Entry.Kind == "app" ? "app" : mine.Entry.Name;
            html.Append($"<tr><td>{E(entry)} ({E(mine.Variant)})</td><td>{badge}</td><td><a href=\"{E(mine.AppUrl + scenario.ExamplePath())}\" target=\"_blank\">{E(mine.AppUrl)}</a> · pid {mine.AppPid}{(scenario.App.Metrics is { } m ? $" · <a href=\"{E(mine.AppUrl + m)}\" target=\"_blank\">metrics</a>" : "")}</td></tr>");
            // Every other process of the run, as run.json lists them: app instances, then the servers.
            foreach (var resource in mine.Resources.Skip(1))
            {
                var alive = resource.Pid is { } pid && BackgroundProcess.IsAlive(pid);
                var pill = alive ? "<span class=\"pill passed\">running</span>" : "<span class=\"pill fail\">exited</span>";
                var behind = resource.Kind == "app" ? " · behind the load balancer" : "";
                var connect = mine.ConnectCommands().FirstOrDefault(c => c.Name == resource.Name).Command is { } command ? $" · <code>{E(command)}</code>" : "";
                html.Append($"<tr><td>{E(resource.Name)} <span class=\"muted\">{E(resource.Kind)}</span></td><td>{pill}</td><td>{E(resource.Endpoint ?? "")}{(resource.Pid is { } p ? $" · pid {p}" : "")}{behind}{connect}</td></tr>");
            }
        }
        if (mine is null)
        {
            // What the scenario will run, before it does: its resources by kind.
            foreach (var spec in scenario.Manifest.Resources)
            {
                html.Append($"<tr><td>{E(spec.Name)} <span class=\"muted\">{E(spec.Kind)}</span></td><td><span class=\"pill not-started\">stopped</span></td><td class=\"muted\">starts with the app</td></tr>");
            }
        }
        html.Append("</tbody></table>");
        if (mine is not null)
        {
            // Replicated scenarios have a balancer log and one per instance; the first is open.
            var open = " open";
            foreach (var (name, log) in mine.Logs())
            {
                var tail = LogTail.Read(log, 12);
                html.Append($"<details{open}><summary>{E(name)} log (last lines) · <span class=\"muted\">{E(log)}</span></summary><pre class=\"log\">{E(tail.Length == 0 ? "(empty)" : tail)}</pre></details>");
                open = "";
            }
        }
        return html.ToString();
    }

    private static async Task<bool> IsHealthyAsync(Uri health, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Http.GetAsync(health, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }
}
