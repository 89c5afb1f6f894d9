namespace SysDesignLab.LoadTesting;

/// <summary>
/// One closed-model user: pick an endpoint, send, wait for the full response, record, repeat — no think
/// time, so the offered load is set by the user count and the server's latency.
/// </summary>
internal sealed class VirtualUser : IWorker
{
    private readonly CompiledEndpoint[] endpoints;
    private readonly WeightedPicker picker;
    private readonly IntervalRecorder recorder;
    private readonly CancellationToken stopToken;
    private readonly RequestSender sender;
    private readonly double microsPerTimestampTick;

    public VirtualUser(
        HttpMessageInvoker invoker,
        CompiledEndpoint[] endpoints,
        WeightedPicker picker,
        int seed,
        TimeSpan requestTimeout,
        IntervalRecorder recorder,
        TimeProvider time,
        CancellationToken stopToken)
    {
        this.endpoints = endpoints;
        this.picker = picker;
        this.recorder = recorder;
        this.stopToken = stopToken;
        sender = new RequestSender(invoker, seed, requestTimeout, time, stopToken);
        microsPerTimestampTick = 1_000_000.0 / time.TimestampFrequency;
    }

    public async Task RunAsync()
    {
        while (!stopToken.IsCancellationRequested)
        {
            var endpoint = endpoints[picker.Pick(sender.Random)];
            var (outcome, sent, ended) = await sender.SendAsync(endpoint).ConfigureAwait(false);

            // A request cut short by the end of the run says nothing about the server: drop it.
            if (stopToken.IsCancellationRequested)
            {
                break;
            }

            recorder.Record(outcome, (long)((ended - sent) * microsPerTimestampTick));
        }
    }

    public void Dispose() => sender.Dispose();
}
