using System.CommandLine;
using SysDesignLab.Cli.Output;
using SysDesignLab.LoadTesting;
using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Manifest;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Cli.Commands;

public static class LoadCommand
{
    public static Command Create()
    {
        var scenario = Arguments.Scenario();
        var users = new Option<int?>("--users", "-c") { Description = "Virtual users (default: the scenario's profile)." };
        var duration = new Option<string?>("--duration", "-d") { Description = "How long to load, e.g. 30s (default: the scenario's profile)." };
        var command = new Command("load", "Run the scenario's load profile against the running app, with a live line per second.")
        {
            scenario, users, duration,
        };
        command.SetAction((parse, ct) => CommandRunner.RunAsync(async (lab, token) =>
        {
            var found = lab.Catalog.Find(parse.GetValue(scenario)!);
            var state = ScenarioStarter.Running(lab.Paths);
            if (state is null || state.Scenario != found.Id)
            {
                throw new LabException($"{found.Id} is not running{(state is null ? "" : $" ({state.Scenario} is)")}. Start it first: ./sdlab start {found.Number}");
            }
            var profile = found.LoadProfile;
            if (parse.GetValue(users) is { } u)
            {
                profile = profile with { VirtualUsers = u > 0 ? u : throw new LabException("--users must be at least 1.") };
            }
            if (parse.GetValue(duration) is { } d)
            {
                profile = profile with
                {
                    Duration = DurationParser.TryParse(d, out var parsed) && parsed > TimeSpan.Zero
                        ? parsed
                        : throw new LabException($"--duration '{d}' is not a duration; write it like 30s or 2m."),
                };
            }
            var target = new Uri(state.AppUrl);
            LoopbackGuard.EnsureAllowed(target, allowRemote: false);
            Ui.Step($"{profile.VirtualUsers} users for {profile.Duration.TotalSeconds:0} s (+{profile.WarmUp.TotalSeconds:0} s warm-up) against {state.AppUrl} — Ctrl-C stops early.");
            LoadLine.Header();
            var result = await new LoadRunner(lab.Time).RunAsync(target, profile, sample => LoadLine.Print("load", sample), token);
            LoadLine.Summary(result);
            Ui.Info($"Read scenarios/{found.Id}/SCENARIO.md for what these numbers mean; `./sdlab check {found.Number}` measures your fix.");
            return CommandRunner.Ok;
        }, ct));
        return command;
    }
}
