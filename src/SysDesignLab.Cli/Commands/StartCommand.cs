using System.CommandLine;
using System.Reflection;
using Spectre.Console;
using SysDesignLab.Cli.Output;
using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios;
using SysDesignLab.Scenarios.Running;
using SysDesignLab.Web.Hosting;

namespace SysDesignLab.Cli.Commands;

public static class StartCommand
{
    public static Command Create()
    {
        var scenario = Arguments.Scenario();
        var solution = Arguments.Solution("Start");
        var webPort = WebCommand.Port();
        var noWeb = new Option<bool>("--no-web") { Description = "Do not start the web lab." };
        var allowHost = WebCommand.AllowHost();
        var command = new Command("start", "Start a scenario in the background: its database (fresh data), the app and the web lab. Returns when ready.")
        {
            scenario, solution, webPort, noWeb, allowHost,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async (lab, token) =>
        {
            var found = lab.Catalog.Find(parse.GetValue(scenario)!);
            // A mistyped --allow-host is said before anything starts, not as a warning afterwards.
            AllowedHosts.Create(parse.GetValue(webPort), parse.GetValue(allowHost));
            await Prerequisites.EnsureAsync(found, token);
            var variant = parse.GetValue(solution) ? AppVariant.Solution : AppVariant.Learner;
            var state = await lab.Service.StartAsync(found, variant, Ui.Steps, token);
            Ui.Success($"{found.Id} is running.");
            AnsiConsole.MarkupLine($"  app       [link]{Markup.Escape(state.AppUrl)}[/]   (try {Markup.Escape(state.AppUrl + found.ExamplePath())})");
            if (found.App.Metrics is { } metrics)
            {
                AnsiConsole.MarkupLine($"  metrics   {Markup.Escape(state.AppUrl + metrics)}");
            }
            foreach (var (name, connect) in state.ConnectCommands())
            {
                AnsiConsole.MarkupLine($"  {Markup.Escape(name),-9} {Markup.Escape(connect)}");
            }
            foreach (var (name, log) in state.Logs())
            {
                AnsiConsole.MarkupLine($"  {Markup.Escape(name + " log"),-9} {Markup.Escape(log)}");
            }
            if (!parse.GetValue(noWeb))
            {
                await StartWebAsync(lab, found, parse.GetValue(webPort), parse.GetValue(allowHost) ?? [], token);
            }
            AnsiConsole.MarkupLine($"Next: [bold]./sdlab load {Markup.Escape(found.Number)}[/] to put {found.LoadProfile.VirtualUsers} users on it; [bold]./sdlab stop[/] when done.");
            return CommandRunner.Ok;
        }, ct));
        return command;
    }

    // The scenario is up either way: a web lab that cannot start is a warning, not a failed start.
    private static async Task StartWebAsync(LabContext lab, Scenario found, int port, string[] allowHosts, CancellationToken token)
    {
        try
        {
            var web = await WebLabProcess.EnsureAsync(lab.Paths, Assembly.GetEntryAssembly()!.Location, port, allowHosts, token);
            AnsiConsole.MarkupLine($"  web lab   [link]{Markup.Escape(web.Url)}scenarios/{Markup.Escape(found.Id)}[/]   (the guide, controls and live charts)");
        }
        catch (LabException e)
        {
            Ui.Warn($"The web lab did not start: {e.Message}");
        }
    }
}
