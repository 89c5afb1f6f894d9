using SysDesignLab.Orchestration.Faults;
using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Lab;
using SysDesignLab.Scenarios.Running;
using SysDesignLab.Web.Hosting;
using SysDesignLab.Web.Metrics;

namespace SysDesignLab.Web.Live;

/// <summary>
/// The page's long-running buttons. Each calls the <see cref="LabService"/>, as the matching sdlab
/// command does, streams what it does to the dashboard and words the outcome for the status line.
/// </summary>
public sealed class LabActions(WebLabContext lab, LiveHub hub, MetricsScraper scraper)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, RecordedFigures> _measured = new(StringComparer.Ordinal);

    private IProgress<string> Steps => new HubProgress(hub);

    private IProgress<StepProgress> TimedSteps => new HubSteps(hub);

    /// <summary>The figures of the scenario's last load or check in this web lab, for "you expected … / measured …".</summary>
    public RecordedFigures? LastMeasured(string scenarioId) => _measured.TryGetValue(scenarioId, out var figures) ? figures : null;

    public async Task<string> StartAsync(Scenario scenario, AppVariant variant, CancellationToken cancellationToken)
    {
        var state = await lab.Service.StartAsync(scenario, variant, Steps, cancellationToken, TimedSteps);
        return $"{scenario.Id} is running at {state.AppUrl}.";
    }

    public async Task<string> StopAsync()
    {
        await lab.Service.StopAsync(Steps);
        return "The app and PostgreSQL are stopped.";
    }

    public async Task<string> LoadAsync(Scenario scenario, int? seconds, int? users, CancellationToken cancellationToken)
    {
        LoadTarget target;
        try
        {
            target = lab.Service.LoadTarget(scenario);
        }
        catch (ScenarioNotRunningException e)
        {
            throw new LabException($"{e.Message} Press Start first.");
        }
        var profile = scenario.LoadProfile;
        if (seconds is { } s)
        {
            profile = profile with { Duration = TimeSpan.FromSeconds(Math.Clamp(s, 1, 600)) };
        }
        if (users is { } u)
        {
            profile = profile with { VirtualUsers = Math.Clamp(u, 1, 2000) };
        }
        Steps.Report($"{profile.VirtualUsers} users for {profile.Duration.TotalSeconds:0} s (+{profile.WarmUp.TotalSeconds:0} s warm-up) against {target.Run.AppUrl}");
        await using var sampler = new ServerSampler(scraper, hub, lab.Time, lab);
        sampler.Watch("load", target.Metrics);
        var result = await lab.Service.LoadAsync(target, profile, sample => hub.Publish("sample", SampleView.From("load", sample)), cancellationToken,
            fault => PublishFault("load", fault), TimedSteps);
        var figures = LoadFigures.From(result);
        var measured = _measured[scenario.Id] = RecordedFigures.From(figures);
        var compared = lab.Service.CompareWithPrediction(scenario, measured, profile.RequestTimeout) is { } text ? " " + text : "";
        // Goodput first: req/s counts the failed requests too.
        return $"Load done: {figures.Requests:#,0} requests, {figures.SuccessRate * 100:0.0}% success, {figures.Goodput:0.0} successful req/s "
            + $"({figures.Errors.Total:#,0} failed), p95 {figures.LatencyMs.P95:0} ms.{compared}";
    }

    public async Task<string> CheckAsync(Scenario scenario, AppVariant variant, CancellationToken cancellationToken)
    {
        await using var sampler = new ServerSampler(scraper, hub, lab.Time, lab);
        var callbacks = new CheckCallbacks(
            Steps,
            (run, sample) => hub.Publish("sample", SampleView.From(run, sample)),
            (run, app) => sampler.Watch(run, MetricsUrl(scenario, app)))
        {
            Fault = PublishFault,
        };
        var outcome = await lab.Service.CheckAsync(scenario, variant, callbacks, cancellationToken, TimedSteps);
        var report = outcome.Report;
        if (outcome.Recorded)
        {
            _measured[scenario.Id] = RecordedFigures.From(report.Load);
        }
        var failed = report.Criteria.Count(c => !c.Passed);
        if (report.Crashes is { Count: > 0 } crashes)
        {
            // Said first: the failed figures are a consequence, and the log is where the reason is.
            return $"CRASHED: {crashes[0].Summary}. Its log: {crashes[0].Log}. The verdict is in the attempts table.";
        }
        return report.Passed
            ? $"PASSED: every criterion holds ({report.DurationSeconds:0} s).{NextAfterPass(scenario, outcome.Recorded)}"
            : $"FAILED: {failed} of {report.Criteria.Count} criteria. The verdict is in the attempts table.";
    }

    public async Task<string> ResetAsync(Scenario scenario, CancellationToken cancellationToken)
    {
        var outcome = await lab.Service.ResetAsync(scenario, keepCode: false, Steps, cancellationToken);
        var saved = outcome.Backup is { } backup
            ? $" Your code was saved to {lab.Workspace.Display(backup)}/; `./sdlab reset {scenario.Number} --undo` brings it back."
            : "";
        return $"{scenario.Id} is reset: the original app is back, hints are hidden again. Your attempts are kept.{saved}";
    }

    /// <summary>A fault as the charts annotate it: at its second of the run, labelled with what it did.</summary>
    private void PublishFault(string run, FaultEvent fault) => hub.Publish("fault", new
    {
        run,
        second = (int)Math.Ceiling(fault.ActualAt.TotalSeconds),
        label = $"{fault.Action.ToString().ToLowerInvariant()} {fault.Target}{(fault.Succeeded ? "" : " (failed)")}",
        text = "Fault " + fault,
    });

    private static Uri? MetricsUrl(Scenario scenario, Uri app) =>
        scenario.App.Metrics is { } path ? new Uri(app, path) : null;

    private string NextAfterPass(Scenario scenario, bool recorded)
    {
        if (!recorded)
        {
            return "";
        }
        var next = lab.Service.NextStep(scenario);
        var questions = next.ReflectionHeading is { } heading ? $" Next: the questions under \"{heading}\" in the guide." : "";
        var following = next.NextScenarioNumber is { } number ? $" Then scenario {number}." : " That was the last scenario.";
        return questions + following;
    }

    // Every line of progress is a "progress" event in one shape (the dashboard's contract): a plain
    // line is a step with no estimate; `text` keeps the whole line for a page that shows only that.
    internal static void PublishProgress(LiveHub hub, StepProgress value) => hub.Publish("progress", new
    {
        step = value.Step,
        elapsedSeconds = Math.Round(value.Elapsed.TotalSeconds, 1),
        estimateSeconds = value.Estimate is { } e ? Math.Round(e.Duration.TotalSeconds) : (double?)null,
        basis = value.Estimate?.Basis,
        note = value.Note,
        text = value.Kind is null ? value.Step : $"{value.Headline()} · {value.Timing()}",
    });

    private sealed class HubProgress(LiveHub hub) : IProgress<string>
    {
        public void Report(string value) => PublishProgress(hub, StepProgress.Message(value));
    }

    private sealed class HubSteps(LiveHub hub) : IProgress<StepProgress>
    {
        public void Report(StepProgress value) => PublishProgress(hub, value);
    }
}
