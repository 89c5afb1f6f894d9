namespace SysDesignLab.LoadTesting;

/// <summary>
/// One open-model slot: takes the next intended send time from the shared <see cref="ArrivalSchedule"/>,
/// waits for it, sends, records, and takes the next. When every slot is busy, due requests wait in the
/// schedule and start late; their latency still counts from the intended time, which is what corrects
/// coordinated omission (a stalled server cannot hide by slowing the generator down).
/// </summary>
internal sealed class OpenUser : IWorker
{
    private readonly CompiledEndpoint[] endpoints;
    private readonly WeightedPicker picker;
    private readonly ArrivalSchedule schedule;
    private readonly long startTimestamp;
    private readonly IntervalRecorder recorder;
    private readonly TimeProvider time;
    private readonly CancellationToken stopToken;
    private readonly RequestSender sender;
    private readonly double microsPerTimestampTick;
    private readonly long lateTicks;

    public OpenUser(
        HttpMessageInvoker invoker,
        CompiledEndpoint[] endpoints,
        WeightedPicker picker,
        ArrivalSchedule schedule,
        long startTimestamp,
        int seed,
        TimeSpan requestTimeout,
        IntervalRecorder recorder,
        TimeProvider time,
        CancellationToken stopToken)
    {
        this.endpoints = endpoints;
        this.picker = picker;
        this.schedule = schedule;
        this.startTimestamp = startTimestamp;
        this.recorder = recorder;
        this.time = time;
        this.stopToken = stopToken;
        sender = new RequestSender(invoker, seed, requestTimeout, time, stopToken);
        microsPerTimestampTick = 1_000_000.0 / time.TimestampFrequency;
        lateTicks = time.TimestampFrequency / 1000;
    }

    /// <summary>Lateness beyond this (1 ms) counts as a late start.</summary>
    public static TimeSpan LateThreshold { get; } = TimeSpan.FromMilliseconds(1);

    public async Task RunAsync()
    {
        while (!stopToken.IsCancellationRequested)
        {
            var intended = startTimestamp + schedule.Next();
            var wait = intended - time.GetTimestamp();
            // Timers are coarse (whole milliseconds, and they fire late rather than early), so aim 1 ms
            // ahead: the send lands within about a millisecond either side of its intended time. An early
            // send's latency counts from the actual send, so it never flatters the server.
            if (wait > lateTicks && !await DelayAsync(wait - lateTicks).ConfigureAwait(false))
            {
                break;
            }

            var endpoint = endpoints[picker.Pick(sender.Random)];
            var (outcome, sent, ended) = await sender.SendAsync(endpoint).ConfigureAwait(false);
            if (stopToken.IsCancellationRequested)
            {
                break;
            }

            var corrected = ended - Math.Min(intended, sent);
            recorder.Record(
                outcome,
                (long)(corrected * microsPerTimestampTick),
                (long)((ended - sent) * microsPerTimestampTick),
                late: sent - intended > lateTicks,
                endpoint.Index);
        }
    }

    public void Dispose() => sender.Dispose();

    private async ValueTask<bool> DelayAsync(long ticks)
    {
        try
        {
            await Task.Delay(TimeSpan.FromSeconds((double)ticks / time.TimestampFrequency), time, stopToken).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
