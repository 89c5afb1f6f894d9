using SysDesignLab.Orchestration;
using SysDesignLab.Scenarios.Engine;

namespace SysDesignLab.Scenarios.Diagnosis;

/// <summary>
/// Diagnosis from outside the app, one <see cref="SampleAsync"/> a second: each app process's CPU
/// and threads from /proc, and each resource's figures from its kind's <see cref="IDiagnosisSource"/>
/// over a connection of the lab's own. Nothing here asks the app, so a saturated app that cannot
/// answer its /metrics is still seen.
/// </summary>
/// <param name="registry">Where sources are found by kind; the lab's own when null.</param>
public sealed class DiagnosisSampler(DiagnosisTarget target, LabPaths paths, TimeProvider time, LabRegistry? registry = null) : IAsyncDisposable
{
    private readonly Dictionary<int, (ProcessReading Reading, long At)> _last = [];
    private readonly Dictionary<string, IDiagnosisProbe> _probes = new(StringComparer.Ordinal);

    public DiagnosisTarget Target => target;

    public async Task<DiagnosisSample> SampleAsync(CancellationToken cancellationToken)
    {
        var processes = target.Apps.Select(ReadProcess).ToList();
        var resources = new List<ResourceDiagnosis>();
        foreach (var spec in target.Scenario.Manifest.Resources)
        {
            if ((registry ?? LabRegistry.Default).DiagnosisSource(spec.Kind) is not { } source)
            {
                continue;
            }
            resources.Add(await SampleResourceAsync(source, spec.Name, spec.Kind, cancellationToken));
        }
        return new DiagnosisSample(processes, resources);
    }

    private ProcessFigures ReadProcess(AppProcess app)
    {
        var now = time.GetTimestamp();
        if (ProcessReading.Read(app.Pid) is not { } reading)
        {
            _last.Remove(app.Pid);
            return new ProcessFigures(app.Name, app.Pid, false, null, null, null);
        }
        // The first reading has nothing to compare with: CPU shows from the second one on.
        double? cpu = _last.TryGetValue(app.Pid, out var before) ? reading.CpuPercentSince(before.Reading, time.GetElapsedTime(before.At, now)) : null;
        _last[app.Pid] = (reading, now);
        return new ProcessFigures(app.Name, app.Pid, true, cpu, reading.Threads, reading.RssMb);
    }

    private async Task<ResourceDiagnosis> SampleResourceAsync(IDiagnosisSource source, string name, string kind, CancellationToken cancellationToken)
    {
        try
        {
            if (!_probes.TryGetValue(name, out var probe))
            {
                probe = await source.OpenAsync(new DiagnosisResource(name, kind, target.Scenario, target.Suffix, paths, time), cancellationToken);
                _probes[name] = probe;
            }
            return await probe.SampleAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A paused or restarting server is part of what a fault shows: say so, and reconnect next second.
            if (_probes.Remove(name, out var broken))
            {
                await broken.DisposeAsync();
            }
            return new ResourceDiagnosis(name, kind, []) { Problem = FirstLine(e.Message) };
        }
    }

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    public async ValueTask DisposeAsync()
    {
        foreach (var probe in _probes.Values)
        {
            await probe.DisposeAsync();
        }
        _probes.Clear();
    }
}

/// <summary>One second of diagnosis: the app's processes and the resources' figures.</summary>
public sealed record DiagnosisSample(IReadOnlyList<ProcessFigures> Processes, IReadOnlyList<ResourceDiagnosis> Resources);

/// <param name="CpuPercent">% of one core over the last second (200% is two cores); null on the first reading.</param>
public sealed record ProcessFigures(string Name, int Pid, bool Running, double? CpuPercent, int? Threads, double? RssMb);
