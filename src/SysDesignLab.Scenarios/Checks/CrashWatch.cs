using System.Globalization;
using SysDesignLab.LoadTesting;
using SysDesignLab.Orchestration.Projects;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>
/// Looks at the measured system's processes once a second of load (on each sample) and notes the
/// first second each one is found gone, so a crash is reported with when it happened instead of
/// being judged as a slow app whose requests failed.
/// </summary>
public sealed class CrashWatch(IReadOnlyList<(DotnetAppResource App, string Who)> processes, TimeSpan measuredLength)
{
    private const int LogLines = 10;
    private readonly Lock _gate = new();
    private readonly Dictionary<DotnetAppResource, (int? Second, string When)> _gone = [];
    private int _measuredSeconds;

    /// <summary>Call once the probes are done, just before the load starts.</summary>
    public void BeforeLoad() => Look(null, "before the load started (while the lab checked its answers)");

    /// <summary>Call with each sample of the load, warm-up ones included.</summary>
    public void Observe(LoadSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        lock (_gate)
        {
            if (sample.WarmUp)
            {
                Look(null, "during the warm-up, before the measured load");
                return;
            }
            _measuredSeconds++;
            var total = measuredLength.TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
            Look(_measuredSeconds, $"at second {_measuredSeconds} of the {total} s load");
        }
    }

    /// <summary>Call when the load is over, before the lab stops the apps itself.</summary>
    public void AfterLoad() => Look(null, "at the end of the load");

    /// <summary>Every process found gone, in the order they were watched, with exit code and the end of its log.</summary>
    public IReadOnlyList<AppCrash> Crashes()
    {
        lock (_gate)
        {
            return processes
                .Where(p => _gone.ContainsKey(p.App))
                .Select(p => new AppCrash(
                    p.App.Name,
                    p.Who,
                    p.App.ExitCode,
                    _gone[p.App].Second,
                    _gone[p.App].When,
                    p.App.LogPath ?? "",
                    p.App.LastLogLines(LogLines).Split('\n').Where(l => l.Length > 0).ToList()))
                .ToList();
        }
    }

    private void Look(int? second, string when)
    {
        lock (_gate)
        {
            foreach (var (app, _) in processes)
            {
                // A process the fault schedule killed is the scenario's failure, not the app's crash.
                if (!_gone.ContainsKey(app) && app.HasExited && !app.KilledByFault)
                {
                    _gone[app] = (second, when);
                }
            }
        }
    }
}
