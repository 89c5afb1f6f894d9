namespace SysDesignLab.LoadTesting;

/// <summary>
/// One execution of a profile: starts the workers (closed-model users or open-model slots), closes an
/// interval on every <see cref="SampleSchedule"/> boundary and turns the intervals into samples and totals.
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
    private readonly SessionLogin? login;
    private readonly IntervalTally measured;
    private readonly CpuMeter cpu;
    private TimeSpan measuredTime;
    private double measuredCpuSeconds;
    private ArrivalSchedule? schedule;
    private long endOffset;
    private long warmUpSkipped;

    public LoadRun(LoadProfile profile, CompiledEndpoint[] endpoints, SessionLogin? login, TimeProvider time, Action<LoadSample>? onSample)
    {
        this.profile = profile;
        this.endpoints = endpoints;
        this.login = login;
        measured = new IntervalTally(EndpointCount);
        this.time = time;
        this.onSample = onSample;
        picker = new WeightedPicker([.. profile.Endpoints.Select(e => e.Weight)]);
        cpu = new CpuMeter(time);
    }

    public async Task<LoadResult> ExecuteAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        using var transport = await HttpTransport.CreateAsync(baseAddress, profile.VirtualUsers, profile.RequestTimeout, cancellationToken)
            .ConfigureAwait(false);
        using var recorder = new IntervalRecorder(EndpointCount);
        using var stop = new CancellationTokenSource();

        var started = time.GetTimestamp();
        var workers = CreateWorkers(transport, recorder, started, stop.Token);
        cpu.Sample();
        var running = new Task[workers.Length];
        for (var i = 0; i < workers.Length; i++)
        {
            running[i] = Task.Run(workers[i].RunAsync, CancellationToken.None);
        }

        try
        {
            await SampleUntilDoneAsync(recorder, started, stop, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(running).ConfigureAwait(false);
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }

        return BuildResult();
    }

    private IWorker[] CreateWorkers(HttpTransport transport, IntervalRecorder recorder, long started, CancellationToken stopToken)
    {
        if (profile.ArrivalRate is not { } rate)
        {
            var users = new IWorker[profile.VirtualUsers];
            for (var i = 0; i < users.Length; i++)
            {
                users[i] = new VirtualUser(
                    transport.ForUser(i), endpoints, picker, unchecked(profile.Seed + i), profile.RequestTimeout, recorder, time, stopToken, i + 1, login);
            }

            return users;
        }

        schedule = new ArrivalSchedule(rate, profile.Arrival, profile.Seed, time.TimestampFrequency);
        var slots = new IWorker[profile.MaxInFlight ?? profile.VirtualUsers];
        for (var i = 0; i < slots.Length; i++)
        {
            slots[i] = new OpenUser(
                transport.ForUser(i), endpoints, picker, schedule, started, unchecked(profile.Seed + i), profile.RequestTimeout, recorder, time, stopToken);
        }

        return slots;
    }

    /// <summary>Every endpoint the workers record under: the profile's, then the session's login.</summary>
    private int EndpointCount => endpoints.Length + (login is null ? 0 : 1);

    private LoadResult BuildResult()
    {
        var seconds = measuredTime.TotalSeconds;
        var latency = measured.Latency;
        OpenModelResult? open = null;
        if (schedule is not null)
        {
            var dropped = schedule.CountUnsentDueBy(endOffset);
            var uncorrected = measured.Uncorrected;
            open = new OpenModelResult(
                profile.ArrivalRate!.Value,
                PerSecond(measured.Requests, seconds),
                measured.LateStarts + dropped,
                dropped,
                warmUpSkipped,
                uncorrected?.ToSummary() ?? LatencySummary.Zero,
                uncorrected is { Count: > 0 } ? uncorrected.Encode() : null);
        }

        return new LoadResult(
            measured.Requests,
            measured.Succeeded,
            measured.SuccessRate,
            PerSecond(measured.Requests, seconds),
            PerSecond(measured.Succeeded, seconds),
            latency.ToSummary(),
            measured.Errors,
            measuredTime,
            samples.ToArray())
        {
            CpuPercent = seconds > 0 ? Math.Round(100 * measuredCpuSeconds / seconds, 1) : 0,
            LatencyHistogram = latency.Count > 0 ? latency.Encode() : null,
            Open = open,
            Endpoints = BuildEndpointResults(seconds),
        };
    }

    private EndpointResult[] BuildEndpointResults(double seconds)
    {
        var names = endpoints.Select(e => e.Name).Concat(login is null ? [] : [login.Endpoint.Name]).ToArray();
        var results = new EndpointResult[names.Length];
        for (var i = 0; i < names.Length; i++)
        {
            var tally = measured.ForEndpoint(i);
            results[i] = new EndpointResult(
                names[i],
                tally.Requests,
                tally.Succeeded,
                tally.SuccessRate,
                PerSecond(tally.Requests, seconds),
                PerSecond(tally.Succeeded, seconds),
                tally.Latency.ToSummary(),
                tally.Errors);
        }

        return results;
    }

    private async Task SampleUntilDoneAsync(IntervalRecorder recorder, long started, CancellationTokenSource stop, CancellationToken cancellationToken)
    {
        var interval = new IntervalTally(EndpointCount);
        var intervalStart = started;
        foreach (var boundary in SampleSchedule.Create(profile.WarmUp, profile.Duration))
        {
            var cancelled = !await WaitUntilAsync(started, boundary.Offset, cancellationToken).ConfigureAwait(false);
            var now = time.GetTimestamp();
            recorder.DrainInto(interval);
            var cpuPercent = cpu.Sample();
            var final = cancelled || boundary.IsLast;
            if (boundary.WarmUp && boundary.Offset == profile.WarmUp && schedule is not null)
            {
                // The measured part starts on schedule: what the warm-up left unsent belongs to the warm-up.
                warmUpSkipped = schedule.SkipUntil(now - started);
            }
            if (final)
            {
                // Stop before reporting so workers do not keep loading the server while onSample runs;
                // anything they record from here on lands in buffers nobody drains.
                await stop.CancelAsync().ConfigureAwait(false);
                endOffset = now - started;
            }

            var length = time.GetElapsedTime(intervalStart, now);
            intervalStart = now;
            if (!boundary.WarmUp)
            {
                measured.Add(interval);
                measuredTime += length;
                measuredCpuSeconds += cpuPercent / 100 * length.TotalSeconds;
            }

            if (!cancelled || interval.Requests > 0)
            {
                Publish(boundary.WarmUp, interval, length, cpuPercent);
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

    private void Publish(bool warmUp, IntervalTally interval, TimeSpan length, double cpuPercent)
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
            interval.Errors)
        {
            CpuPercent = cpuPercent,
            LateStarts = interval.LateStarts,
            Cumulative = warmUp ? null : measured.Latency.ToSummary(),
        };
        samples.Add(sample);
        onSample?.Invoke(sample);
    }

    private static double PerSecond(long count, double seconds) => seconds > 0 ? count / seconds : 0;
}
