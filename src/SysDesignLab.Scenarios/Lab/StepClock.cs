using SysDesignLab.Progress;

namespace SysDesignLab.Scenarios.Lab;

/// <summary>
/// Times the long steps of one action: announces each with its estimate, reports it about once a
/// second while it runs, and keeps its duration in the progress store when it ends normally (a step
/// cut short by an error or Ctrl-C is no timing of the step). Timings are a help, not a record the
/// action needs: a progress database that cannot be used costs the estimate, never the action.
/// Reports are made under the clock's lock, so a second's report never follows the next step's start.
/// </summary>
public sealed class StepClock : IDisposable
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);
    private readonly Lock _gate = new();
    private readonly Func<ProgressStore> _store;
    private readonly Scenario _scenario;
    private readonly TimeProvider _time;
    private readonly IProgress<StepProgress>? _report;
    private readonly ITimer _timer;
    private StepProgress? _current;
    private long _startedAt;

    public StepClock(ProgressStore store, Scenario scenario, TimeProvider time, IProgress<StepProgress>? report)
        : this(() => store, scenario, time, report)
    {
    }

    /// <param name="store">Opened on first use: `sdlab start` works with a damaged progress database.</param>
    public StepClock(Func<ProgressStore> store, Scenario scenario, TimeProvider time, IProgress<StepProgress>? report)
    {
        _store = store;
        _scenario = scenario;
        _time = time;
        _report = report;
        _timer = time.CreateTimer(_ => Report(), null, Tick, Tick);
    }

    /// <summary>The step running now, if any.</summary>
    public LabStep? Current
    {
        get
        {
            lock (_gate)
            {
                return _current?.Kind;
            }
        }
    }

    /// <summary>Ends the running step (keeping its time) and announces the next.</summary>
    public void Begin(LabStep kind, string step, string? note = null)
    {
        lock (_gate)
        {
            EndCurrent();
            _current = new StepProgress(kind, step, note, TimeSpan.Zero, Estimate(kind), IsStart: true);
            _startedAt = _time.GetTimestamp();
            _report?.Report(_current);
        }
    }

    /// <summary>A plain line of progress between steps' reports.</summary>
    public void Say(string message) => _report?.Report(StepProgress.Message(message));

    /// <summary>The action finished: the running step's time is kept.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            EndCurrent();
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        lock (_gate)
        {
            _current = null;
        }
    }

    private void EndCurrent()
    {
        if (_current is { Kind: { } kind and not LabStep.Load })
        {
            try
            {
                _store().RecordStepTime(_scenario.Id, StepEstimate.Key(kind), _time.GetElapsedTime(_startedAt));
            }
            catch (ProgressStoreException)
            {
                // The next estimate falls back to the manifest; the action itself went fine.
            }
        }
        _current = null;
    }

    private StepEstimate Estimate(LabStep kind)
    {
        try
        {
            return StepEstimate.For(_store(), _scenario, kind);
        }
        catch (ProgressStoreException)
        {
            return new StepEstimate(StepEstimate.Fallback(_scenario, kind), 0, "first time: estimated");
        }
    }

    private void Report()
    {
        lock (_gate)
        {
            if (_current is not null)
            {
                _report?.Report(_current with { Elapsed = _time.GetElapsedTime(_startedAt), IsStart = false });
            }
        }
    }
}
