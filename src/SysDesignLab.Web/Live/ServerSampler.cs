using SysDesignLab.Web.Hosting;
using SysDesignLab.Web.Metrics;

namespace SysDesignLab.Web.Live;

/// <summary>
/// Scrapes the app's /metrics once a second while a run lasts and publishes the figures; beside
/// it, a <see cref="DiagnosisFeed"/> reads the app's processes and its database from outside,
/// which still works when the saturated app cannot answer its /metrics. The target can change
/// mid-run (a check starts the naive app, then yours). Only while a dashboard is connected: this
/// is what the dashboard costs the app, so no dashboard, no cost.
/// </summary>
internal sealed class ServerSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private readonly Task _diagnosis;
    private volatile Uri? _target;
    private volatile string _run = "";
    private long _runStarted;

    private readonly TimeProvider _time;

    /// <param name="lab">The lab whose runs are also diagnosed from outside the app; null samples the app's /metrics only.</param>
    public ServerSampler(MetricsScraper scraper, LiveHub hub, TimeProvider time, WebLabContext? lab = null)
    {
        _time = time;
        _loop = Task.Run(() => LoopAsync(scraper, hub, time));
        _diagnosis = lab is not null ? Task.Run(() => DiagnoseAsync(new DiagnosisFeed(lab, hub, time), time)) : Task.CompletedTask;
    }

    /// <summary>Scrape this app from now on; its seconds count from now, like the generator's samples.</summary>
    public void Watch(string run, Uri? metricsUrl)
    {
        Interlocked.Exchange(ref _runStarted, _time.GetTimestamp());
        _run = run;
        _target = metricsUrl;
    }

    private async Task LoopAsync(MetricsScraper scraper, LiveHub hub, TimeProvider time)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        double? lastGc = null;
        var lastRun = "";
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                // Nobody watching, nothing to scrape: a load run from the CLI-like API costs the app nothing extra.
                if (_target is not { } target || hub.Subscribers == 0)
                {
                    continue;
                }
                var figures = await scraper.ScrapeAsync(target, _stop.Token);
                if (figures is null)
                {
                    continue;
                }
                var run = _run;
                // Collections are a running total: the chart shows how many happened this second.
                double? gcPerSecond = run == lastRun && lastGc is { } previous && figures.GcCollections is { } now ? Math.Max(0, now - previous) : null;
                lastGc = figures.GcCollections;
                lastRun = run;
                hub.Publish("server", new
                {
                    run,
                    t = Math.Round(time.GetElapsedTime(Interlocked.Read(ref _runStarted)).TotalSeconds, 1),
                    poolUsed = figures.PoolUsed,
                    poolMax = figures.PoolMax,
                    gcPerSecond,
                    heapMb = figures.HeapMb,
                    threadPoolQueue = figures.ThreadPoolQueue,
                    threadPoolThreads = figures.ThreadPoolThreads,
                });
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    // Its own loop: a scrape that waits two seconds on a saturated app must not delay the diagnosis.
    private async Task DiagnoseAsync(DiagnosisFeed feed, TimeProvider time)
    {
        await using var _ = feed;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token))
            {
                if (_run.Length == 0)
                {
                    continue;
                }
                try
                {
                    await feed.TickAsync(_run, Interlocked.Read(ref _runStarted), _stop.Token);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A state file half-written or a server gone: that second has no diagnosis, the load goes on.
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await _diagnosis;
        _stop.Dispose();
    }
}
