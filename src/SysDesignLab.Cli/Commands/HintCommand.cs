using System.CommandLine;
using Spectre.Console;
using SysDesignLab.Cli.Output;

namespace SysDesignLab.Cli.Commands;

public static class HintCommand
{
    public static Command Create()
    {
        var scenario = Arguments.Scenario();
        var command = new Command("hint", "Show the next hint of a scenario (each call reveals one more).") { scenario };
        command.SetAction((parse, ct) => CommandRunner.RunAsync((lab, _) =>
        {
            var found = lab.Catalog.Find(parse.GetValue(scenario)!);
            if (lab.Service.Hint(found) is not { } hint)
            {
                // The manifest validator asks for at least one hint; a scenario without any says so plainly.
                Ui.Info("This scenario has no hints.");
                return Task.FromResult(CommandRunner.Ok);
            }
            AnsiConsole.MarkupLine($"[bold]Hint {hint.Number} of {hint.Count}[/] for {Markup.Escape(found.Id)}:");
            AnsiConsole.WriteLine(hint.Text);
            AnsiConsole.MarkupLine(hint.IsLast
                ? "[grey]That was the last hint. After one `check`, `sdlab solution` shows the reference fix.[/]"
                : "[grey]Run the command again for the next hint.[/]");
            return Task.FromResult(CommandRunner.Ok);
        }, ct));
        return command;
    }
}
