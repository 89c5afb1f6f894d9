using SysDesignLab.LoadTesting;
using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Faults;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Orchestration.Projects;
using SysDesignLab.Progress;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>
/// `sdlab check`: builds the app, makes sure the naive baseline is known on this machine, runs the
/// check profile against the app on fresh data, probes correctness and the mechanism, and
/// evaluates every criterion of the manifest.
/// </summary>
public sealed class CheckRunner(ScenarioEnvironment environment, ProgressStore? store, TimeProvider? timeProvider = null)
{
    private static readonly HttpClient Http = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
    private readonly TimeProvider _time = timeProvider ?? TimeProvider.System;
    private CheckLock? _lock;

    public async Task<CheckReport> RunAsync(Scenario scenario, AppVariant variant, CheckCallbacks callbacks, CancellationToken cancellationToken)
    {
        var started = _time.GetTimestamp();
        // Refused at once, before any build, when another check (CLI or web lab) is running.
        using var checkLock = _lock = CheckLock.Acquire(environment.Paths, scenario.Id, variant.ToString().ToLowerInvariant(), _time);
        var progress = callbacks.Progress;
        progress?.Report($"Building {Describe(variant)}…");
        var assembly = await environment.BuildAsync(scenario, variant, cancellationToken);
        var bindings = await environment.BindAsync(scenario, progress, cancellationToken);

        await using var infrastructure = new LabHost(_time);
        await ScenarioEnvironment.StartSharedAsync(infrastructure, bindings, progress, cancellationToken);

        LoadFigures? baseline = null;
        string? unmeasuredBaseline = null;
        if (NeedsBaseline(scenario))
        {
            var (saved, hash) = await StoredBaselineAsync(scenario, callbacks, cancellationToken);
            // Checking the naive app itself measures the baseline: measuring it twice in a row is waste.
            if (saved is null && variant == AppVariant.Naive)
            {
                unmeasuredBaseline = hash;
            }
            else
            {
                baseline = saved ?? await MeasureBaselineAsync(scenario, hash, variant, assembly, bindings, callbacks, cancellationToken);
            }
        }

        progress?.Report($"Measuring {Describe(variant)}: {scenario.CheckProfile.VirtualUsers} users, " +
            $"{scenario.CheckProfile.WarmUp.TotalSeconds:0} s warm-up + {scenario.CheckProfile.Duration.TotalSeconds:0} s…");
        var measurement = await MeasureAsync(scenario, variant, assembly, bindings, "app", withProbes: true, callbacks, cancellationToken);
        if (unmeasuredBaseline is not null)
        {
            baseline = KeepBaseline(scenario, unmeasuredBaseline, measurement);
        }

        var metrics = CheckMetrics.From(measurement.Load, baseline, measurement.ServerFigures);
        // How the requests failed and what crashed choose each failed figure's message.
        var evidence = new RunEvidence(measurement.Load, measurement.Crashes, scenario.CheckProfile, scenario.Id);
        var evaluated = new List<CriterionResult>();
        foreach (var criterion in scenario.Check.Criteria)
        {
            evaluated.Add(criterion.Probe is null
                ? CriterionEvaluator.Evaluate(criterion, metrics, environment.Registry.Metrics, evidence)
                : measurement.ProbeResults.First(r => r.Name == criterion.Name));
        }
        var results = CrashVerdict.Apply(evaluated, measurement.Crashes);
        return new CheckReport(
            scenario.Id,
            variant.ToString().ToLowerInvariant(),
            results.All(r => r.Passed),
            results,
            LoadFigures.From(measurement.Load),
            baseline,
            measurement.ServerFigures.TryGetValue("dbRowsPerRequest", out var rows) ? Math.Round(rows, 1) : null,
            measurement.ServerFigures.TryGetValue("peakDbConnections", out var peak) ? (int)peak : null,
            _time.GetUtcNow(),
            Math.Round(_time.GetElapsedTime(started).TotalSeconds, 1),
            measurement.Crashes.Count == 0 ? null : measurement.Crashes)
        {
            Faults = measurement.Faults.Count == 0 ? null : measurement.Faults.Select(f => f.ToString()).ToList(),
        };
    }

    private static bool NeedsBaseline(Scenario scenario) =>
        scenario.Check.Criteria.Any(c => c.Metric?.EndsWith("VsBaseline", StringComparison.Ordinal) == true);

    /// <summary>The naive app's figures on this machine, if measured before for this naive source and check profile.</summary>
    private async Task<(LoadFigures? Saved, string Hash)> StoredBaselineAsync(Scenario scenario, CheckCallbacks callbacks, CancellationToken cancellationToken)
    {
        var snapshot = await NaiveSnapshot.EnsureAsync(scenario, cancellationToken);
        // Same naive code under the same check profile: a changed profile (more users, longer) needs a new baseline.
        var profile = System.Text.Json.JsonSerializer.Serialize(scenario.CheckProfile);
        var hash = SourceHash.Compute(snapshot) + "+" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(profile)))[..16];
        if (store?.GetBaseline(scenario.Id, hash) is not { } saved)
        {
            return (null, hash);
        }
        callbacks.Progress?.Report($"Naive baseline on this machine (measured {saved.MeasuredAt:yyyy-MM-dd HH:mm}): {saved.Goodput:0.0} successful req/s, p95 {saved.P95Ms:0} ms.");
        return (StoredBaseline.Figures(saved), hash);
    }

    /// <summary>Measures the naive app once per machine (per naive source and profile) and keeps its figures.</summary>
    private async Task<LoadFigures> MeasureBaselineAsync(Scenario scenario, string hash, AppVariant variant, string assembly, IReadOnlyList<ResourceBinding> bindings, CheckCallbacks callbacks, CancellationToken cancellationToken)
    {
        callbacks.Progress?.Report("Building the naive app to measure the baseline (once per machine)…");
        var naiveAssembly = variant == AppVariant.Naive ? assembly : await environment.BuildAsync(scenario, AppVariant.Naive, cancellationToken);
        callbacks.Progress?.Report("Measuring the naive baseline…");
        var measurement = await MeasureAsync(scenario, AppVariant.Naive, naiveAssembly, bindings, "baseline", withProbes: false, callbacks, cancellationToken);
        return KeepBaseline(scenario, hash, measurement);
    }

    private LoadFigures KeepBaseline(Scenario scenario, string hash, Measurement measurement)
    {
        if (measurement.Crashes.Count > 0)
        {
            // The shipped naive app must survive its own load; if it did not, its figures are no
            // baseline, so none is kept and the learner's app is not judged against them.
            var crash = measurement.Crashes[0];
            throw new LabException(
                $"The lab could not measure the naive baseline: {crash.Summary}. That is a problem of the lab, not of your app; " +
                $"please report it with the naive app's log ({crash.Log}), which ends with:\n{string.Join('\n', crash.LastLines)}");
        }
        var figures = LoadFigures.From(measurement.Load);
        store?.SaveBaseline(StoredBaseline.Keep(scenario.Id, hash, figures, _time.GetUtcNow()));
        return figures;
    }

    private async Task<Measurement> MeasureAsync(Scenario scenario, AppVariant variant, string assembly, IReadOnlyList<ResourceBinding> bindings, string label, bool withProbes, CheckCallbacks callbacks, CancellationToken cancellationToken)
    {
        await using var host = new LabHost(_time);
        var run = environment.AddTo(host, scenario, bindings, variant, assembly, "_check", exitWithLab: true, callbacks.Progress);
        await host.StartAsync(callbacks.Progress, cancellationToken);
        // A check killed mid-run leaves these to the next `sdlab stop`, which reads them from the lock.
        _lock?.RecordApps(host.Resources.Where(r => !bindings.Any(b => b.SharedServers.Contains(r))).Select(r => r.ProcessId).OfType<int>());
        callbacks.AppStarted?.Invoke(label, run.EntryPoint.BaseUrl);
        var registry = environment.Registry;
        using var loadEnded = new CancellationTokenSource();
        var context = new ProbeContext(run, Http, _time, loadEnded.Token);
        var probed = withProbes
            ? scenario.Check.Criteria.Where(c => c.Probe is not null).Select(c => (Criterion: c, Probe: registry.Probe(c.Probe!)!)).ToList()
            : [];
        // Correctness is probed on the idle app, before the load: it asks whether the answers are
        // right, not whether an overloaded app still manages to answer (the load measures that).
        var probes = new List<CriterionResult>();
        foreach (var (criterion, probe) in probed.Where(p => p.Probe.Phase == ProbePhase.BeforeLoad))
        {
            probes.Add(await probe.RunAsync(criterion, context, cancellationToken));
        }

        var windows = new List<IMetricWindow>();
        foreach (var binding in bindings)
        {
            if (registry.MetricSource(binding.Spec.Kind) is { } source)
            {
                windows.Add(await source.StartAsync(binding, run, cancellationToken));
            }
        }
        var watch = new CrashWatch(Watched(run, variant), scenario.CheckProfile.Duration);
        watch.BeforeLoad();
        // Writes while the load runs, read back through the app: a snapshot or a cache that is never
        // invalidated answers like a correct app until the data changes.
        var during = probed.Where(p => p.Probe.Phase == ProbePhase.DuringLoad)
            .Select(p => p.Probe.RunAsync(p.Criterion, context, cancellationToken)).ToList();
        // The fault schedule runs beside the load, from its start; cancelling it resumes what it paused.
        using var faultsEnd = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var faults = FaultRunner.RunAsync(scenario.CheckFaults, run.FaultTarget, e => callbacks.Fault?.Invoke(label, e), _time, faultsEnd.Token);
        LoadResult load;
        IReadOnlyList<FaultEvent> faultEvents;
        try
        {
            load = await new LoadRunner(_time).RunAsync(
                run.EntryPoint.BaseUrl, scenario.CheckProfile, sample =>
                {
                    watch.Observe(sample);
                    callbacks.Sample?.Invoke(label, sample);
                }, cancellationToken);
            foreach (var window in windows)
            {
                await window.LoadEndedAsync(cancellationToken);
            }
        }
        finally
        {
            await faultsEnd.CancelAsync();
            faultEvents = await faults;
            // Whatever ends the load, its writers end with it (the web lab's process outlives a check).
            await loadEnded.CancelAsync();
            foreach (var probe in during)
            {
                probes.Add(await probe);
            }
        }
        // The generator returns partial figures on cancellation; a check cut short judges nothing.
        cancellationToken.ThrowIfCancellationRequested();
        watch.AfterLoad();
        var crashes = watch.Crashes();

        await run.StopAppsAsync();
        var figures = new Dictionary<string, double>();
        var requests = load.Samples.Sum(s => s.Requests);
        foreach (var window in windows)
        {
            foreach (var (name, value) in await window.FinishAsync(requests, cancellationToken))
            {
                figures[name] = value;
            }
        }
        foreach (var (criterion, probe) in probed.Where(p => p.Probe.Phase == ProbePhase.AfterLoad))
        {
            probes.Add(await probe.RunAsync(criterion, context, cancellationToken));
        }
        return new Measurement(load, figures, probes, crashes) { Faults = faultEvents };
    }

    /// <summary>Every process the load depends on, named the way the learner knows it.</summary>
    private static List<(DotnetAppResource App, string Who)> Watched(RunContext run, AppVariant variant)
    {
        var watched = run.Apps
            .Select(r => (r, run.Apps.Count == 1 ? Describe(variant) : $"instance '{r.Name}' of {Describe(variant)}"))
            .ToList();
        if (!run.Apps.Contains(run.EntryPoint))
        {
            watched.Add((run.EntryPoint, $"the load balancer '{run.EntryPoint.Name}'"));
        }
        return watched;
    }

    private static string Describe(AppVariant variant) => variant switch
    {
        AppVariant.Learner => "your app",
        AppVariant.Solution => "the reference solution",
        _ => "the naive app",
    };
}
