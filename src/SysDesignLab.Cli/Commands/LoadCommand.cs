using System.CommandLine;
using SysDesignLab.Cli.Output;
using SysDesignLab.LoadTesting;
using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Lab;

namespace SysDesignLab.Cli.Commands;

public static class LoadCommand
{
    public static Command Create()
    {
        var o = new LoadOptions();
        var command = new Command("load", "Load the running scenario's app (or any loopback --url) with a live panel (a line per second when output is redirected or CI=true); closed model by default, open with --rate.");
        foreach (var symbol in o.All())
        {
            switch (symbol)
            {
                case Argument argument:
                    command.Arguments.Add(argument);
                    break;
                case Option option:
                    command.Options.Add(option);
                    break;
            }
        }
        command.SetAction((parse, ct) =>
        {
            if (LoadProcess.ShouldRelaunch)
            {
                return LoadProcess.RelaunchAsync(ct);
            }
            var scenario = parse.GetValue(o.Scenario);
            var url = parse.GetValue(o.Url);
            if ((scenario is null) == (url is null))
            {
                Ui.Error("Give either a scenario (sdlab load 01) or a target (sdlab load --url http://127.0.0.1:5000/), not both.");
                return Task.FromResult(CommandRunner.Error);
            }
            return url is not null
                ? CommandRunner.RunStandaloneAsync(token => RunUrlAsync(parse, o, url, token), ct)
                : CommandRunner.RunAsync((lab, token) => RunScenarioAsync(parse, o, lab, scenario!, token), ct);
        });
        return command;
    }

    private static Task<int> RunUrlAsync(ParseResult parse, LoadOptions o, string url, CancellationToken token)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || (target.Scheme != Uri.UriSchemeHttp && target.Scheme != Uri.UriSchemeHttps))
        {
            throw new LabException($"--url '{url}' is not an absolute http:// or https:// URL.");
        }
        try
        {
            LoopbackGuard.EnsureAllowed(target, parse.GetValue(o.AllowRemote));
        }
        catch (LoadTargetException e)
        {
            throw new LabException(e.Message);
        }
        var thresholds = o.ParseThresholds(parse);
        var profile = o.Apply(parse, new LoadProfile
        {
            VirtualUsers = 100,
            Duration = TimeSpan.FromSeconds(10),
            Endpoints = [new EndpointSpec { Name = "url", Path = target.PathAndQuery }],
        });
        var origin = new Uri(target.GetLeftPart(UriPartial.Authority));
        Ui.Step($"{Describe(profile)} against {target} — Ctrl-C stops early.");
        return new LoadSession(thresholds, parse.GetValue(o.Json), parse.GetValue(o.Ndjson))
            .RunAsync(profile, onSample => new LoadRunner(TimeProvider.System).RunAsync(origin, profile, onSample, token));
    }

    private static async Task<int> RunScenarioAsync(ParseResult parse, LoadOptions o, LabContext lab, string scenario, CancellationToken token)
    {
        var found = lab.Catalog.Find(scenario);
        LoadTarget target;
        try
        {
            target = lab.Service.LoadTarget(found);
        }
        catch (ScenarioNotRunningException e)
        {
            throw new LabException($"{e.Message} Start it first: ./sdlab start {found.Number}");
        }
        var thresholds = o.ParseThresholds(parse);
        var profile = o.Apply(parse, found.LoadProfile);
        var prediction = lab.Service.Prediction(found);
        if (prediction is null)
        {
            // Predict, then run: a guess written down first is what makes the numbers surprising.
            if (PredictCommand.CanAskHere)
            {
                prediction = PredictCommand.Ask(lab, found, skippable: true);
            }
            else
            {
                Ui.Info($"Tip: write down what you expect first: ./sdlab predict {found.Number}");
            }
        }
        Ui.Step($"{Describe(profile)} against {target.Run.AppUrl} — Ctrl-C stops early.");
        var session = new LoadSession(thresholds, parse.GetValue(o.Json), parse.GetValue(o.Ndjson));
        var code = await session.RunAsync(profile, onSample => lab.Service.LoadAsync(target, profile, onSample, token, fault => Ui.Warn($"Fault {fault}")));
        if (prediction is not null && session.Result is { } result)
        {
            Ui.Info(PredictionComparison.Describe(prediction, RecordedFigures.From(result), profile.RequestTimeout));
        }
        Ui.Info($"Read scenarios/{found.Id}/SCENARIO.md for what these numbers mean; `./sdlab check {found.Number}` measures your fix.");
        return code;
    }

    private static string Describe(LoadProfile p)
    {
        var load = p.ArrivalRate is { } rate
            ? $"{rate:0.#} req/s ({p.Arrival.ToString().ToLowerInvariant()}) over {p.VirtualUsers} connections"
            : $"{p.VirtualUsers} users";
        return $"{load} for {p.Duration.TotalSeconds:0.#} s (+{p.WarmUp.TotalSeconds:0.#} s warm-up)";
    }
}
