using System.CommandLine;
using Spectre.Console;
using SysDesignLab.Orchestration.Postgres;
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
            var running = ScenarioStarter.Running(lab.Paths);
            if (state is null)
            {
                table.AddRow("app", "[grey]not started[/]", "");
            }
            else
            {
                table.AddRow(
                    Markup.Escape($"{state.Scenario} ({state.Variant})"),
                    running is null ? "[red]exited[/]" : "[green]running[/]",
                    Markup.Escape($"{state.AppUrl}  pid {state.AppPid}"));
                foreach (var replica in state.Replicas)
                {
                    table.AddRow(Markup.Escape($"  {replica.Name}"),
                        BackgroundProcess.IsAlive(replica.Pid) ? "[green]running[/]" : "[red]exited[/]",
                        Markup.Escape($"{replica.Url}  pid {replica.Pid}"));
                }
                foreach (var (name, log) in state.Logs())
                {
                    table.AddRow(Markup.Escape($"  {name} log"), "", Markup.Escape(log));
                }
            }
            var postgres = PostgresInstallation.TryFind() is { } installation
                ? new PostgresServer("db", lab.Paths, installation: installation)
                : null;
            var postgresRunning = postgres?.IsRunning == true;
            table.AddRow("postgres",
                postgresRunning ? "[green]running[/]" : "[grey]stopped[/]",
                Markup.Escape(postgres is null ? "not installed (./sdlab doctor)"
                    : postgresRunning && state?.PsqlCommand() is { } psql ? psql
                    : postgres.DataDirectory));
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
