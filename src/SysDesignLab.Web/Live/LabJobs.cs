using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Progress;

namespace SysDesignLab.Web.Live;

/// <summary>
/// Runs one lab action at a time in the background (start, load, check, …) and reports its end on
/// the live stream. One at a time because they share the machine: two loads at once would measure
/// each other.
/// </summary>
public sealed class LabJobs(LiveHub hub)
{
    private readonly Lock _gate = new();
    private string? _current;
    private CancellationTokenSource? _cancel;

    public string? Current
    {
        get
        {
            lock (_gate)
            {
                return _current;
            }
        }
    }

    /// <summary>How the last finished action ended, for a page that connects after it (and for scripts).</summary>
    public JobOutcome? Last { get; private set; }

    /// <summary>False when another action is still running.</summary>
    public bool TryStart(string name, Func<CancellationToken, Task<string>> work)
    {
        CancellationTokenSource cancel;
        lock (_gate)
        {
            if (_current is not null)
            {
                return false;
            }
            _current = name;
            _cancel = cancel = new CancellationTokenSource();
        }
        hub.Publish("job", new { job = name });
        _ = Task.Run(async () =>
        {
            var (ok, message) = (false, "");
            try
            {
                message = await work(cancel.Token);
                ok = true;
            }
            catch (OperationCanceledException) when (cancel.IsCancellationRequested)
            {
                message = "Stopped.";
            }
            catch (Exception e) when (e is LabException or ProgressStoreException)
            {
                message = e.Message;
            }
            catch (Exception e) when (PostgresRefusals.Explain(e) is { } refusal)
            {
                message = refusal.Message;
            }
            catch (Exception e)
            {
                message = $"Unexpected error: {e.Message}";
                hub.Publish("log", new { text = e.ToString() });
            }
            finally
            {
                cancel.Dispose();
            }
            var outcome = new JobOutcome(name, ok, message);
            lock (_gate)
            {
                Last = outcome;
                _current = null;
                _cancel = null;
            }
            hub.Publish("done", outcome);
        });
        return true;
    }

    public void Cancel()
    {
        lock (_gate)
        {
            _cancel?.Cancel();
        }
    }
}
