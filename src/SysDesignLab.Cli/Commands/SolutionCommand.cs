using System.CommandLine;
using Spectre.Console;
using SysDesignLab.Cli.Output;
using SysDesignLab.Web.Solution;

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
            var progress = lab.Store.Get(found.Id);
            if (progress.Attempts == 0)
            {
                Ui.Warn($"Not yet. The solution unlocks after you have tried once: run `./sdlab check {found.Number}` on your app first.");
                Ui.Info("You learn far more from a failed attempt you made than from reading the answer. Stuck? `./sdlab hint " + found.Number + "`.");
                return CommandRunner.Failed;
            }
            lab.Store.MarkSolutionRevealed(found.Id);
            var diff = await SolutionDiff.CreateAsync(found, AnsiConsole.Profile.Capabilities.Ansi, token);
            AnsiConsole.MarkupLine($"[bold]Reference solution of {Markup.Escape(found.Id)}[/]: what changes from your app (−) to the solution (+). The comments explain why.");
            Console.Out.Write(diff);
            AnsiConsole.MarkupLine($"Run it: [bold]./sdlab check {Markup.Escape(found.Number)} --solution[/]; the full code is in {Markup.Escape(Path.GetRelativePath(lab.Paths.RepositoryRoot, found.SolutionDirectory))}/");
            return CommandRunner.Ok;
        }, ct));
        return command;
    }
}
