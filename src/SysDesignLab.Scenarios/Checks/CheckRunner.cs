using SysDesignLab.LoadTesting;
using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Orchestration.Projects;
using SysDesignLab.Progress;
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
        await environment.BuildInfrastructureAsync(scenario, cancellationToken);

        await using var infrastructure = new LabHost(_time);
        var server = environment.CreatePostgres(scenario, progress);
        if (server is not null)
        {
            infrastructure.Add(server);
            await infrastructure.StartAsync(progress, cancellationToken);
        }

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
                baseline = saved ?? await MeasureBaselineAsync(scenario, hash, variant, assembly, server, callbacks, cancellationToken);
            }
        }

        progress?.Report($"Measuring {Describe(variant)}: {scenario.CheckProfile.VirtualUsers} users, " +
            $"{scenario.CheckProfile.WarmUp.TotalSeconds:0} s warm-up + {scenario.CheckProfile.Duration.TotalSeconds:0} s…");
        var measurement = await MeasureAsync(scenario, variant, assembly, server, "app", withProbes: true, callbacks, cancellationToken);
        if (unmeasuredBaseline is not null)
        {
            baseline = KeepBaseline(scenario, unmeasuredBaseline, measurement);
        }

        var metrics = CheckMetrics.From(measurement.Load, baseline, measurement.ServerFigures);
        var evaluated = new List<CriterionResult>();
        foreach (var criterion in scenario.Check.Criteria)
        {
            evaluated.Add(criterion.Probe is null
                ? CriterionEvaluator.Evaluate(criterion, metrics)
                : measurement.ProbeResults.First(r => r.Name == criterion.Name));
        }
        var results = CrashVerdict.Apply(evaluated, scenario.Check.Criteria, measurement.Crashes);
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
            measurement.Crashes.Count == 0 ? null : measurement.Crashes);
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
        return (new LoadFigures(0, saved.SuccessRate, saved.Rps, saved.Goodput, new LatencyFigures(0, saved.P95Ms, 0, 0), ErrorCounts.None), hash);
    }

    /// <summary>Measures the naive app once per machine (per naive source and profile) and keeps its figures.</summary>
    private async Task<LoadFigures> MeasureBaselineAsync(Scenario scenario, string hash, AppVariant variant, string assembly, PostgresServer? server, CheckCallbacks callbacks, CancellationToken cancellationToken)
    {
        callbacks.Progress?.Report("Building the naive app to measure the baseline (once per machine)…");
        var naiveAssembly = variant == AppVariant.Naive ? assembly : await environment.BuildAsync(scenario, AppVariant.Naive, cancellationToken);
        callbacks.Progress?.Report("Measuring the naive baseline…");
        var measurement = await MeasureAsync(scenario, AppVariant.Naive, naiveAssembly, server, "baseline", withProbes: false, callbacks, cancellationToken);
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
        store?.SaveBaseline(new Baseline(scenario.Id, hash, figures.Goodput, figures.Rps, figures.LatencyMs.P95, figures.SuccessRate, _time.GetUtcNow()));
        return figures;
    }

    private async Task<Measurement> MeasureAsync(Scenario scenario, AppVariant variant, string assembly, PostgresServer? server, string label, bool withProbes, CheckCallbacks callbacks, CancellationToken cancellationToken)
    {
        await using var host = new LabHost(_time);
        var resources = environment.AddTo(host, scenario, server, variant, assembly, "_check", exitWithLab: true, callbacks.Progress);
        await host.StartAsync(callbacks.Progress, cancellationToken);
        _lock?.RecordApps(resources.Replicas.Prepend(resources.App).Select(a => a.ProcessId).OfType<int>());
        callbacks.AppStarted?.Invoke(label, resources.App.BaseUrl);
        var database = resources.Database;
        // Correctness is probed on the idle app, before the load: it asks whether the answers are
        // right, not whether an overloaded app still manages to answer (the load measures that).
        var probes = new List<CriterionResult>();
        if (withProbes)
        {
            foreach (var criterion in scenario.Check.Criteria.Where(c => c.Probe is not null && (database is null || !DuringOrAfterLoad(c))))
            {
                probes.Add(database is null
                    ? new CriterionResult(criterion.Name, criterion.Kind, false, "a database", "the scenario has none", criterion.Where)
                    : criterion.Probe == KnownValues.ExplainProbe
                        ? await ExplainProbe.RunAsync(criterion, database, cancellationToken)
                        : await GroundTruthProbe.RunAsync(criterion, Http, resources.App.BaseUrl, database, cancellationToken));
            }
        }

        var before = database is null ? null : await ServerActivity.ReadAsync(database, cancellationToken);
        var sampler = database is null ? null : ConnectionSampler.Start(database.Server, database.DatabaseName, time: _time);

        var watch = new CrashWatch(Watched(resources, variant), scenario.CheckProfile.Duration);
        watch.BeforeLoad();
        // Writes while the load runs, read back through the app: a snapshot or a cache that is never
        // invalidated answers like a correct app until the data changes.
        var freshness = withProbes && database is not null
            ? scenario.Check.Criteria.Where(c => c.Probe == KnownValues.FreshnessProbe)
                .Select(c => FreshnessProbe.Start(c, Http, resources.App.BaseUrl, database, _time)).ToList()
            : [];
        LoadResult load;
        int? peakConnections;
        try
        {
            load = await new LoadRunner(_time).RunAsync(
                resources.App.BaseUrl, scenario.CheckProfile, sample =>
                {
                    watch.Observe(sample);
                    callbacks.Sample?.Invoke(label, sample);
                }, cancellationToken);
            peakConnections = sampler is null ? null : await sampler.StopAsync();
        }
        finally
        {
            // Whatever ends the load, its writers end with it (the web lab's process outlives a check).
            foreach (var probe in freshness)
            {
                probes.Add(await probe.StopAsync());
            }
        }
        // The generator returns partial figures on cancellation; a check cut short judges nothing.
        cancellationToken.ThrowIfCancellationRequested();
        watch.AfterLoad();
        var crashes = watch.Crashes();

        await resources.StopAppsAsync();
        var figures = new Dictionary<string, double>();
        if (database is not null && before is not null)
        {
            // Backends flush their statistics when they exit: wait for the app's sessions to end.
            await DatabaseActivity.WaitForNoBackendsAsync(database.Server, database.DatabaseName, TimeSpan.FromSeconds(15), cancellationToken);
            var after = await ServerActivity.ReadAsync(database, cancellationToken);
            figures = before.PerRequest(after, load.Samples.Sum(s => s.Requests));
            figures["peakDbConnections"] = peakConnections ?? 0;
            if (withProbes)
            {
                foreach (var criterion in scenario.Check.Criteria.Where(c => c.Probe == KnownValues.AfterLoadProbe))
                {
                    probes.Add(await AfterLoadProbe.RunAsync(criterion, database, cancellationToken));
                }
            }
        }
        return new Measurement(load, figures, probes, crashes);
    }

    /// <summary>Every process the load depends on, named the way the learner knows it.</summary>
    private static List<(DotnetAppResource App, string Who)> Watched(ScenarioResources resources, AppVariant variant)
    {
        var watched = resources.Replicas
            .Select(r => (r, resources.Replicas.Count == 1 ? Describe(variant) : $"instance '{r.Name}' of {Describe(variant)}"))
            .ToList();
        if (!resources.Replicas.Contains(resources.App))
        {
            watched.Add((resources.App, $"the load balancer '{resources.App.Name}'"));
        }
        return watched;
    }

    private static bool DuringOrAfterLoad(CriterionSpec criterion) =>
        criterion.Probe is KnownValues.AfterLoadProbe or KnownValues.FreshnessProbe;

    private static string Describe(AppVariant variant) => variant switch
    {
        AppVariant.Learner => "your app",
        AppVariant.Solution => "the reference solution",
        _ => "the naive app",
    };
}
