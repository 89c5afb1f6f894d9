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
    private IProgress<string> Steps => new HubProgress(hub);

    public async Task<string> StartAsync(Scenario scenario, AppVariant variant, CancellationToken cancellationToken)
    {
        var state = await lab.Service.StartAsync(scenario, variant, Steps, cancellationToken);
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
        hub.Publish("progress", new { text = $"{profile.VirtualUsers} users for {profile.Duration.TotalSeconds:0} s (+{profile.WarmUp.TotalSeconds:0} s warm-up) against {target.Run.AppUrl}" });
        await using var sampler = new ServerSampler(scraper, hub, lab.Time);
        sampler.Watch("load", target.Metrics);
        var result = await lab.Service.LoadAsync(target, profile, sample => hub.Publish("sample", SampleView.From("load", sample)), cancellationToken,
            fault => PublishFault("load", fault));
        var figures = LoadFigures.From(result);
        return $"Load done: {figures.Requests:#,0} requests, {figures.SuccessRate * 100:0.0}% success, {figures.Rps:0.0} req/s, p95 {figures.LatencyMs.P95:0} ms.";
    }

    public async Task<string> CheckAsync(Scenario scenario, AppVariant variant, CancellationToken cancellationToken)
    {
        await using var sampler = new ServerSampler(scraper, hub, lab.Time);
        var callbacks = new CheckCallbacks(
            Steps,
            (run, sample) => hub.Publish("sample", SampleView.From(run, sample)),
            (run, app) => sampler.Watch(run, MetricsUrl(scenario, app)))
        {
            Fault = PublishFault,
        };
        var report = (await lab.Service.CheckAsync(scenario, variant, callbacks, cancellationToken)).Report;
        var failed = report.Criteria.Count(c => !c.Passed);
        if (report.Crashes is { Count: > 0 } crashes)
        {
            // Said first: the failed figures are a consequence, and the log is where the reason is.
            return $"CRASHED: {crashes[0].Summary}. Its log: {crashes[0].Log}. The verdict is in the attempts table.";
        }
        return report.Passed
            ? $"PASSED: every criterion holds ({report.DurationSeconds:0} s)."
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

    private sealed class HubProgress(LiveHub hub) : IProgress<string>
    {
        public void Report(string value) => hub.Publish("progress", new { text = value });
    }
}
