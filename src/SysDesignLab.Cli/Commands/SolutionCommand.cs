using System.CommandLine;
using Spectre.Console;
using SysDesignLab.Cli.Output;

namespace SysDesignLab.Cli.Commands;

public static class SolutionCommand
{
    public static Command Create()
    {
        var scenario = Arguments.Scenario();
        var command = new Command("solution", "Show the reference fix as a diff against your app (after your first check).") { scenario };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async (lab, token) =>
        {
            var found = lab.Catalog.Find(parse.GetValue(scenario)!);
            var solution = await lab.Service.SolutionAsync(found, AnsiConsole.Profile.Capabilities.Ansi, token);
            if (!solution.Unlocked)
            {
                Ui.Warn($"Not yet. The solution unlocks after you have tried once: run `./sdlab check {found.Number}` on your app first.");
                Ui.Info("You learn far more from a failed attempt you made than from reading the answer. Stuck? `./sdlab hint " + found.Number + "`.");
                return CommandRunner.Failed;
            }
            AnsiConsole.MarkupLine($"[bold]Reference solution of {Markup.Escape(found.Id)}[/]: what changes from your app (−) to the solution (+). The comments explain why.");
            Console.Out.Write(solution.Diff);
            AnsiConsole.MarkupLine($"Run it: [bold]./sdlab check {Markup.Escape(found.Number)} --solution[/]; the full code is in {Markup.Escape(Path.GetRelativePath(lab.Paths.RepositoryRoot, found.SolutionDirectory))}/");
            return CommandRunner.Ok;
        }, ct));
        return command;
    }
}
