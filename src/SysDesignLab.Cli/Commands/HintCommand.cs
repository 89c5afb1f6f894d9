using System.CommandLine;
using Spectre.Console;

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
            var index = lab.Store.RevealNextHint(found.Id, found.Hints.Count)!.Value;
            AnsiConsole.MarkupLine($"[bold]Hint {index + 1} of {found.Hints.Count}[/] for {Markup.Escape(found.Id)}:");
            AnsiConsole.WriteLine(found.Hints[index]);
            AnsiConsole.MarkupLine(index + 1 < found.Hints.Count
                ? "[grey]Run the command again for the next hint.[/]"
                : "[grey]That was the last hint. After one `check`, `sdlab solution` shows the reference fix.[/]");
            return Task.FromResult(CommandRunner.Ok);
        }, ct));
        return command;
    }
}
