using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Diagnosis;
using SysDesignLab.Scenarios.Running;
using SysDesignLab.Web.Hosting;

namespace SysDesignLab.Web.Live;

/// <summary>
/// Publishes a "diagnosis" event once a second while a run lasts and a dashboard is connected:
/// the app's processes from /proc and each resource's figures (PostgreSQL's sessions and rows
/// read), all read by the lab from outside the app. The run is found the way `sdlab stop` finds
/// it: a load's in run.json, a check's in check.json.
/// </summary>
internal sealed class DiagnosisFeed(WebLabContext lab, LiveHub hub, TimeProvider time) : IAsyncDisposable
{
    private DiagnosisSampler? _sampler;
    private string _run = "";
    private long _started;

    /// <summary>One tick: (re)finds the run's target when the run changed or had no app yet, samples it and publishes.</summary>
    public async Task TickAsync(string run, long runStarted, CancellationToken cancellationToken)
    {
        if (hub.Subscribers == 0)
        {
            return;
        }
        if (_sampler is null || run != _run || runStarted != _started || _sampler.Target.Apps.Count == 0)
        {
            await ResetAsync();
            _run = run;
            _started = runStarted;
            _sampler = Find(run) is { } target ? new DiagnosisSampler(target, lab.Paths, time) : null;
        }
        if (_sampler is null)
        {
            return;
        }
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // A paused server must not stall the feed: a slow second is skipped, the next one tries again.
        timeout.CancelAfter(TimeSpan.FromSeconds(3));
        DiagnosisSample sample;
        try
        {
            sample = await _sampler.SampleAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            await ResetAsync();
            return;
        }
        hub.Publish("diagnosis", new
        {
            run,
            t = Math.Round(time.GetElapsedTime(runStarted).TotalSeconds, 1),
            processes = sample.Processes,
            resources = sample.Resources,
        });
    }

    private DiagnosisTarget? Find(string run)
    {
        try
        {
            if (run == "load")
            {
                return RunState.Load(lab.Paths.RunState) is { } state ? DiagnosisTarget.ForRun(state, lab.Catalog.Find(state.Scenario)) : null;
            }
            return CheckLock.Read(lab.Paths) is { } check ? DiagnosisTarget.ForCheck(check, lab.Catalog.Find(check.Scenario)) : null;
        }
        catch (LabException)
        {
            // A scenario that is gone from the catalog has nothing to diagnose.
            return null;
        }
    }

    private async Task ResetAsync()
    {
        if (_sampler is { } sampler)
        {
            _sampler = null;
            await sampler.DisposeAsync();
        }
    }

    public ValueTask DisposeAsync() => new(ResetAsync());
}
