using System.CommandLine;
using SysDesignLab.Cli.Output;
using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Cli.Commands;

public static class CheckCommand
{
    public static Command Create()
    {
        var scenario = Arguments.Scenario();
        var solution = Arguments.Solution("Check");
        var json = new Option<string?>("--json") { Description = "Also write the result as JSON to this file." };
        var command = new Command("check", "Build the app, run the check profile on fresh data and judge every criterion. Exit 0 pass, 1 fail, 2 error.")
        {
            scenario, solution, json,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async (lab, token) =>
        {
            var found = lab.Catalog.Find(parse.GetValue(scenario)!);
            await Prerequisites.EnsureAsync(found, token);
            var variant = parse.GetValue(solution) ? AppVariant.Solution : AppVariant.Learner;
            var jsonPath = parse.GetValue(json);
            if (jsonPath is not null && Path.GetDirectoryName(Path.GetFullPath(jsonPath)) is { } folder && !Directory.Exists(folder))
            {
                throw new LabException($"Cannot write --json {jsonPath}: the folder {folder} does not exist.");
            }
            var header = false;
            var callbacks = new CheckCallbacks(Ui.Steps, (label, sample) =>
            {
                if (!header)
                {
                    LoadLine.Header();
                    header = true;
                }
                LoadLine.Print(label, sample);
            })
            {
                // Said between the load's lines, at the second it happened: the numbers after it are its effect.
                Fault = (label, fault) => Ui.Warn($"Fault ({label}) {fault}"),
            };
            var outcome = await lab.Service.CheckAsync(found, variant, callbacks, token);
            var report = outcome.Report;
            if (jsonPath is not null)
            {
                await File.WriteAllTextAsync(jsonPath, report.ToJson(), token);
            }
            CheckTable.Print(report);
            if (outcome.Recorded && !report.Passed)
            {
                Ui.Info($"Your attempt is recorded. `./sdlab hint {found.Number}` for a nudge; `./sdlab solution {found.Number}` shows the reference fix.");
            }
            return report.Passed ? CommandRunner.Ok : CommandRunner.Failed;
        }, ct));
        return command;
    }
}
