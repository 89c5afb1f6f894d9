namespace SysDesignLab.LoadTesting;

/// <summary>
/// One execution of a profile: starts the virtual users, closes an interval on every
/// <see cref="SampleSchedule"/> boundary and turns the intervals into samples and totals.
/// A request belongs to the interval in which it completed.
/// </summary>
internal sealed class LoadRun
{
    private readonly LoadProfile profile;
    private readonly CompiledEndpoint[] endpoints;
    private readonly WeightedPicker picker;
    private readonly TimeProvider time;
    private readonly Action<LoadSample>? onSample;
    private readonly List<LoadSample> samples = [];
    private readonly IntervalTally measured = new();
    private TimeSpan measuredTime;

    public LoadRun(LoadProfile profile, CompiledEndpoint[] endpoints, TimeProvider time, Action<LoadSample>? onSample)
    {
        this.profile = profile;
        this.endpoints = endpoints;
        this.time = time;
        this.onSample = onSample;
        picker = new WeightedPicker([.. profile.Endpoints.Select(e => e.Weight)]);
    }

    public async Task<LoadResult> ExecuteAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        using var transport = await HttpTransport.CreateAsync(baseAddress, profile.VirtualUsers, profile.RequestTimeout, cancellationToken)
            .ConfigureAwait(false);
        using var recorder = new IntervalRecorder();
        using var stop = new CancellationTokenSource();

        var users = new VirtualUser[profile.VirtualUsers];
        for (var i = 0; i < users.Length; i++)
        {
            users[i] = new VirtualUser(
                transport.ForUser(i), endpoints, picker, unchecked(profile.Seed + i), profile.RequestTimeout, recorder, time, stop.Token);
        }

        var started = time.GetTimestamp();
        var running = new Task[users.Length];
        for (var i = 0; i < users.Length; i++)
        {
            running[i] = Task.Run(users[i].RunAsync, CancellationToken.None);
        }

        try
        {
            await SampleUntilDoneAsync(recorder, started, stop, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(running).ConfigureAwait(false);
            foreach (var user in users)
            {
                user.Dispose();
            }
        }

        var seconds = measuredTime.TotalSeconds;
        return new LoadResult(
            measured.Requests,
            measured.Succeeded,
            measured.SuccessRate,
            PerSecond(measured.Requests, seconds),
            PerSecond(measured.Succeeded, seconds),
            measured.Latency.ToSummary(),
            measured.Errors,
            measuredTime,
            samples.ToArray());
    }

    private async Task SampleUntilDoneAsync(IntervalRecorder recorder, long started, CancellationTokenSource stop, CancellationToken cancellationToken)
    {
        var interval = new IntervalTally();
        var intervalStart = started;
        foreach (var boundary in SampleSchedule.Create(profile.WarmUp, profile.Duration))
        {
            var cancelled = !await WaitUntilAsync(started, boundary.Offset, cancellationToken).ConfigureAwait(false);
            var now = time.GetTimestamp();
            recorder.DrainInto(interval);
            var final = cancelled || boundary.IsLast;
            if (final)
            {
                // Stop before reporting so users do not keep loading the server while onSample runs;
                // anything they record from here on lands in buffers nobody drains.
                await stop.CancelAsync().ConfigureAwait(false);
            }

            var length = time.GetElapsedTime(intervalStart, now);
            intervalStart = now;
            if (!boundary.WarmUp)
            {
                measured.Add(interval);
                measuredTime += length;
            }

            if (!cancelled || interval.Requests > 0)
            {
                Publish(boundary.WarmUp, interval, length);
            }

            interval.Reset();
            if (final)
            {
                return;
            }
        }
    }

    /// <returns>False when the caller cancelled the run.</returns>
    private async Task<bool> WaitUntilAsync(long started, TimeSpan offset, CancellationToken cancellationToken)
    {
        // Waiting for an absolute offset (not "one more second") keeps slow onSample callbacks or late
        // timer ticks from drifting the schedule.
        var remaining = offset - time.GetElapsedTime(started);
        if (remaining > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(remaining, time, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return false;
            }
        }

        return !cancellationToken.IsCancellationRequested;
    }

    private void Publish(bool warmUp, IntervalTally interval, TimeSpan length)
    {
        var latency = interval.Latency;
        var sample = new LoadSample(
            samples.Count + 1,
            warmUp,
            interval.Requests,
            interval.Succeeded,
            PerSecond(interval.Requests, length.TotalSeconds),
            interval.SuccessRate,
            latency.PercentileMs(50),
            latency.PercentileMs(95),
            latency.PercentileMs(99),
            interval.Errors);
        samples.Add(sample);
        onSample?.Invoke(sample);
    }

    private static double PerSecond(long count, double seconds) => seconds > 0 ? count / seconds : 0;
}
