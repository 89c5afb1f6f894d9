using System.CommandLine;
using Spectre.Console;
using SysDesignLab.Cli.Output;
using SysDesignLab.Orchestration;
using SysDesignLab.Progress;
using SysDesignLab.Scenarios;
using SysDesignLab.Scenarios.Lab;

namespace SysDesignLab.Cli.Commands;

/// <summary>
/// `sdlab predict 01`: before loading a scenario, the learner writes down what they expect (success
/// rate and p95 at the scenario's users, and why). Asked on a terminal; flags for scripts.
/// </summary>
public static class PredictCommand
{
    public static Command Create()
    {
        var scenario = Arguments.Scenario();
        var success = new Option<string?>("--success") { Description = "The success rate you expect under load, e.g. 95%." };
        var p95 = new Option<string?>("--p95") { Description = "The p95 latency you expect under load, with its unit, e.g. 200ms or 2s." };
        var why = new Option<string?>("--why") { Description = "Why, in one sentence." };
        var command = new Command("predict", "Write down what you expect before you load a scenario (success rate, p95, why); the lab shows it beside what it measures.")
        {
            scenario, success, p95, why,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync((lab, _) =>
        {
            var found = lab.Catalog.Find(parse.GetValue(scenario)!);
            var given = (Success: parse.GetValue(success), P95: parse.GetValue(p95), Why: parse.GetValue(why));
            if (given is { Success: not null, P95: not null, Why: not null })
            {
                Recorded(lab.Service.Predict(found, given.Success, given.P95, given.Why), found);
                return Task.FromResult(CommandRunner.Ok);
            }
            if (!CanAsk(Console.IsInputRedirected, Environment.GetEnvironmentVariable("CI")))
            {
                if (given is { Success: null, P95: null, Why: null } && lab.Service.Prediction(found) is { } current)
                {
                    Ui.Info($"Your prediction ({current.At:yyyy-MM-dd HH:mm}): {PredictionInput.Percent(current.SuccessRate)} success, p95 {PredictionInput.Latency(current.P95Ms)}, because {current.Why}");
                    return Task.FromResult(CommandRunner.Ok);
                }
                throw new LabException($"There is no terminal to ask on: give all three, e.g. ./sdlab predict {found.Number} --success 95% --p95 200ms --why \"one sentence\"");
            }
            var prediction = Ask(lab, found, given.Success, given.P95, given.Why, skippable: false);
            Recorded(prediction!, found);
            return Task.FromResult(CommandRunner.Ok);
        }, ct));
        return command;
    }

    /// <summary>Asking needs someone at a terminal: not when stdin is redirected, not in CI.</summary>
    public static bool CanAsk(bool inputRedirected, string? ci) =>
        !inputRedirected && (string.IsNullOrEmpty(ci) || ci is "0" || ci.Equals("false", StringComparison.OrdinalIgnoreCase));

    public static bool CanAskHere => CanAsk(Console.IsInputRedirected, Environment.GetEnvironmentVariable("CI"));

    /// <summary>
    /// Asks for what is missing and records it. With <paramref name="skippable"/> (before a load), an
    /// empty first answer skips the prediction and returns null.
    /// </summary>
    public static Prediction? Ask(LabContext lab, Scenario scenario, string? success = null, string? p95 = null, string? why = null, bool skippable = false)
    {
        var users = scenario.LoadProfile.VirtualUsers;
        AnsiConsole.MarkupLine($"[bold]Before you load it: what do you expect with {users} users?[/]{(skippable ? " [grey](Enter skips)[/]" : "")}");
        if (success is null)
        {
            var prompt = new TextPrompt<string>($"  Success rate (e.g. 95%):")
                .Validate(text => Valid(() => PredictionInput.SuccessRate(text), skippable && string.IsNullOrWhiteSpace(text)));
            prompt.AllowEmpty = skippable;
            success = AnsiConsole.Prompt(prompt);
            if (string.IsNullOrWhiteSpace(success))
            {
                Ui.Info($"Skipped. `./sdlab predict {scenario.Number}` any time.");
                return null;
            }
        }
        p95 ??= AnsiConsole.Prompt(new TextPrompt<string>("  p95 latency (e.g. 200ms or 2s):")
            .Validate(text => Valid(() => PredictionInput.P95Ms(text), false)));
        why ??= AnsiConsole.Prompt(new TextPrompt<string>("  Why, in one sentence:")
            .Validate(text => Valid(() => PredictionInput.Why(text), false)));
        return lab.Service.Predict(scenario, success, p95, why);
    }

    private static ValidationResult Valid(Action read, bool skip)
    {
        if (skip)
        {
            return ValidationResult.Success();
        }
        try
        {
            read();
            return ValidationResult.Success();
        }
        catch (InvalidPredictionException e)
        {
            return ValidationResult.Error(Markup.Escape(e.Message));
        }
    }

    private static void Recorded(Prediction prediction, Scenario scenario) =>
        Ui.Success($"Recorded: you expect {PredictionInput.Percent(prediction.SuccessRate)} success and p95 {PredictionInput.Latency(prediction.P95Ms)} "
            + $"with {scenario.LoadProfile.VirtualUsers} users. `./sdlab load {scenario.Number}` shows what happens.");
}
