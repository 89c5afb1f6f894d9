using System.CommandLine;
using SysDesignLab.Cli.Output;
using SysDesignLab.Scenarios;

namespace SysDesignLab.Cli.Commands;

public static class ResetCommand
{
    public static Command Create()
    {
        var scenario = Arguments.Scenario();
        var keepCode = new Option<bool>("--keep-code") { Description = "Keep your code; only stop the app and forget hints shown." };
        var undo = new Option<bool>("--undo") { Description = "Bring back the code the last reset replaced (from .sdlab/backups/)." };
        var yes = new Option<bool>("--yes", "-y") { Description = "Do not ask before replacing your code (it is still saved first)." };
        var command = new Command("reset", "Put the scenario back as shipped: the original app code, hints hidden again. Your code is saved first; --undo brings it back. Your attempts history is kept.")
        {
            scenario, keepCode, undo, yes,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async (lab, token) =>
        {
            var found = lab.Catalog.Find(parse.GetValue(scenario)!);
            if (parse.GetValue(undo))
            {
                var undone = await lab.Service.UndoResetAsync(found, Ui.Steps, token);
                if (undone.SavedCurrent is { } saved)
                {
                    Ui.Step($"Saved the code that was in {AppFolder(lab, found)}/ to {lab.Workspace.Display(saved)}/.");
                }
                Ui.Success($"Brought back your code from {lab.Workspace.Display(undone.Restored)}/ into {AppFolder(lab, found)}/.");
                return CommandRunner.Ok;
            }
            var keep = parse.GetValue(keepCode);
            if (!keep && !parse.GetValue(yes) && lab.Service.ResetReplacesCode(found) && !Confirm(lab, found))
            {
                Ui.Info("Nothing was changed.");
                return CommandRunner.Ok;
            }
            var outcome = await lab.Service.ResetAsync(found, keep, Ui.Steps, token);
            if (outcome.Backup is { } backup)
            {
                Ui.Step($"Saved your code to {lab.Workspace.Display(backup)}/ (bring it back: ./sdlab reset {found.Number} --undo).");
                Ui.Step($"Restored {AppFolder(lab, found)}/ to the original naive app.");
            }
            else if (!keep)
            {
                Ui.Step($"{AppFolder(lab, found)}/ is already the original naive app; nothing to save.");
            }
            Ui.Success($"{found.Id} is reset. Data is fresh on every start and check. Start again: ./sdlab start {found.Number}");
            return CommandRunner.Ok;
        }, ct));
        return command;
    }

    // Asked only on a terminal: a script or CI gets the reset (the code is saved either way).
    private static bool Confirm(LabContext lab, Scenario scenario)
    {
        if (Console.IsInputRedirected || Console.IsOutputRedirected || Environment.GetEnvironmentVariable("CI") is { Length: > 0 })
        {
            return true;
        }
        Console.Write($"Replace your code in {AppFolder(lab, scenario)}/ with the original naive app? It is saved to .sdlab/backups/{scenario.Id}/ first. [y/N] ");
        var answer = Console.ReadLine()?.Trim();
        return answer is not null && (answer.Equals("y", StringComparison.OrdinalIgnoreCase) || answer.Equals("yes", StringComparison.OrdinalIgnoreCase));
    }

    // Inside the repository a short path; a state folder elsewhere (SDLAB_STATE_DIR) is named in full.
    private static string AppFolder(LabContext lab, Scenario scenario) => lab.Workspace.Display(scenario.AppDirectory);
}
