using System.CommandLine;
using SysDesignLab.Cli.Output;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Cli.Commands;

public static class ResetCommand
{
    public static Command Create()
    {
        var scenario = Arguments.Scenario();
        var keepCode = new Option<bool>("--keep-code") { Description = "Keep your code; only stop the app and forget hints shown." };
        var command = new Command("reset", "Put the scenario back as shipped: the original app code, hints hidden again. Your attempts history is kept.")
        {
            scenario, keepCode,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async (lab, _) =>
        {
            var found = lab.Catalog.Find(parse.GetValue(scenario)!);
            if (ScenarioStarter.Running(lab.Paths) is { } state && state.Scenario == found.Id)
            {
                await new ScenarioStarter(lab.Environment, lab.Time).StopAppAsync();
                Ui.Step($"Stopped the running {found.Id} app.");
            }
            if (!parse.GetValue(keepCode))
            {
                NaiveSnapshot.Restore(found);
                Ui.Step($"Restored {Path.GetRelativePath(lab.Paths.RepositoryRoot, found.AppDirectory)}/ to the original naive app.");
            }
            lab.Store.ResetScenario(found.Id);
            Ui.Success($"{found.Id} is reset. Data is fresh on every start and check. Start again: ./sdlab start {found.Number}");
            return CommandRunner.Ok;
        }, ct));
        return command;
    }
}
