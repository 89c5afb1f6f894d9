using System.CommandLine;
using Spectre.Console;
using SysDesignLab.Cli.Output;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Cli.Commands;

public static class StartCommand
{
    public static Command Create()
    {
        var scenario = Arguments.Scenario();
        var solution = Arguments.Solution("Start");
        var command = new Command("start", "Start a scenario in the background: its database (fresh data) and the app. Returns when ready.")
        {
            scenario, solution,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async (lab, token) =>
        {
            var found = lab.Catalog.Find(parse.GetValue(scenario)!);
            await Prerequisites.EnsureAsync(found, token);
            var variant = parse.GetValue(solution) ? AppVariant.Solution : AppVariant.Learner;
            var state = await new ScenarioStarter(lab.Environment, lab.Time).StartAsync(found, variant, Ui.Steps, token);
            Ui.Success($"{found.Id} is running.");
            AnsiConsole.MarkupLine($"  app       [link]{Markup.Escape(state.AppUrl)}[/]   (try {Markup.Escape(state.AppUrl)}{Markup.Escape(found.LoadProfile.Endpoints[0].Path.Split('?')[0])})");
            if (found.App.Metrics is { } metrics)
            {
                AnsiConsole.MarkupLine($"  metrics   {Markup.Escape(state.AppUrl + metrics)}");
            }
            if (state.PostgresPort is { } port)
            {
                AnsiConsole.MarkupLine($"  postgres  {Markup.Escape($"psql -h 127.0.0.1 -p {port} -U sdlab {state.Database}")}");
            }
            AnsiConsole.MarkupLine($"  app log   {Markup.Escape(state.AppLog)}");
            AnsiConsole.MarkupLine($"Next: [bold]./sdlab load {Markup.Escape(found.Number)}[/] to put {found.LoadProfile.VirtualUsers} users on it; [bold]./sdlab stop[/] when done.");
            return CommandRunner.Ok;
        }, ct));
        return command;
    }
}
