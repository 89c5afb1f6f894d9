using System.CommandLine;
using Spectre.Console;
using SysDesignLab.Orchestration.Processes;
using SysDesignLab.Scenarios.Running;
using SysDesignLab.Web.Hosting;

namespace SysDesignLab.Cli.Commands;

public static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show what the lab is running.");
        command.SetAction((_, ct) => CommandRunner.RunAsync((lab, _) =>
        {
            var table = new Table().Border(TableBorder.Rounded).Title("sdlab status");
            table.AddColumn("resource").AddColumn("state").AddColumn("where");
            var state = RunState.Load(lab.Paths.RunState);
            if (state is null)
            {
                table.AddRow("app", "[grey]not started[/]", "");
            }
            else
            {
                table.AddRow(Markup.Escape($"{state.Scenario} ({state.Variant})"), "", Markup.Escape($"started {state.StartedAt.ToLocalTime():HH:mm}"));
                // Every process of the run, as run.json lists them: entry point, instances, servers.
                foreach (var resource in state.Resources)
                {
                    var alive = resource.Pid is { } pid && BackgroundProcess.IsAlive(pid);
                    var where = $"{resource.Endpoint}{(resource.Pid is { } p ? $"  pid {p}" : "")}";
                    table.AddRow(Markup.Escape($"  {resource.Name} ({resource.Kind})"), alive ? "[green]running[/]" : "[red]exited[/]", Markup.Escape(where));
                }
                foreach (var (name, connect) in state.ConnectCommands())
                {
                    table.AddRow(Markup.Escape($"  {name} shell"), "", Markup.Escape(connect));
                }
                foreach (var (name, log) in state.Logs())
                {
                    table.AddRow(Markup.Escape($"  {name} log"), "", Markup.Escape(log));
                }
            }
            var web = WebLabState.Load(WebLabState.PathIn(lab.Paths.StateRoot));
            var webRunning = web is not null && BackgroundProcess.IsAlive(web.Pid);
            table.AddRow("web lab",
                webRunning ? "[green]running[/]" : "[grey]stopped[/]",
                Markup.Escape(webRunning ? $"{web!.Url}  pid {web.Pid}" : "sdlab web, or sdlab start"));
            AnsiConsole.Write(table);
            return Task.FromResult(CommandRunner.Ok);
        }, ct));
        return command;
    }
}
