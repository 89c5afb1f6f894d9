using System.CommandLine;
using SysDesignLab.Cli.Output;
using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Lab;
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
            CheckOutcome outcome;
            using (var steps = new StepLine(StepLine.LiveHere))
            {
                outcome = await lab.Service.CheckAsync(found, variant, Callbacks(steps), token, steps);
                steps.Complete();
            }
            var report = outcome.Report;
            if (jsonPath is not null)
            {
                await File.WriteAllTextAsync(jsonPath, report.ToJson(), token);
            }
            CheckTable.Print(report);
            if (variant == AppVariant.Learner && lab.Service.CompareWithPrediction(found, RecordedFigures.From(report.Load), found.CheckProfile.RequestTimeout) is { } compared)
            {
                Ui.Info(compared);
            }
            if (outcome.Recorded && !report.Passed)
            {
                Ui.Info($"Your attempt is recorded. `./sdlab hint {found.Number}` for a nudge; `./sdlab solution {found.Number}` shows the reference fix.");
            }
            if (outcome.Recorded && report.Passed)
            {
                PrintNextStep(lab, found);
            }
            return report.Passed ? CommandRunner.Ok : CommandRunner.Failed;
        }, ct));
        return command;
    }

    /// <summary>In a terminal each second of load goes to the live line; piped or in CI, it is a line of its own.</summary>
    private static CheckCallbacks Callbacks(StepLine steps)
    {
        var header = false;
        return new CheckCallbacks(Ui.Steps, (label, sample) =>
        {
            if (steps.IsLive)
            {
                steps.Sample(label, sample);
                return;
            }
            steps.Write(() =>
            {
                if (!header)
                {
                    LoadLine.Header();
                    header = true;
                }
                LoadLine.Print(label, sample);
            });
        })
        {
            // Said between the load's lines, at the second it happened: the numbers after it are its effect.
            Fault = (label, fault) => steps.Write(() => Ui.Warn($"Fault ({label}) {fault}")),
        };
    }

    /// <summary>A pass ends with what to do next: the guide's reflection questions, then the next scenario.</summary>
    public static void PrintNextStep(LabContext lab, Scenario scenario)
    {
        var next = lab.Service.NextStep(scenario);
        var guide = lab.Workspace.Display(next.GuidePath);
        Ui.Info(NextStepText(guide, next, lab.Service.Record(scenario).Prediction is not null, scenario.Number));
    }

    /// <summary>The lines after a pass, given the guide's path as the learner reads it.</summary>
    public static string NextStepText(string guide, NextStep next, bool predicted, string number)
    {
        var lines = new List<string>
        {
            next.ReflectionHeading is { } heading
                ? $"Next: answer the questions in {guide}, section \"{heading}\"."
                : $"Next: read what the fix changed in {guide}.",
            $"  `./sdlab report {number} --table` fills its results table{(predicted ? ", your prediction included" : "")}.",
        };
        lines.Add(next.NextScenarioNumber is { } following
            ? $"Then the next scenario: ./sdlab start {following}"
            : "That was the last scenario: well done.");
        return string.Join('\n', lines);
    }
}
