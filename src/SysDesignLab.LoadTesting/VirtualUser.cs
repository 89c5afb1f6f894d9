namespace SysDesignLab.LoadTesting;

/// <summary>
/// One closed-model user: pick an endpoint, send, wait for the full response, record, repeat — no think
/// time, so the offered load is set by the user count and the server's latency. With a session, the user
/// logs in first (and again after a failed login) and sends the captured value as its <c>{session}</c>.
/// </summary>
internal sealed class VirtualUser : IWorker
{
    private readonly CompiledEndpoint[] endpoints;
    private readonly WeightedPicker picker;
    private readonly IntervalRecorder recorder;
    private readonly CancellationToken stopToken;
    private readonly RequestSender sender;
    private readonly double microsPerTimestampTick;
    private readonly SessionLogin? login;

    public VirtualUser(
        HttpMessageInvoker invoker,
        CompiledEndpoint[] endpoints,
        WeightedPicker picker,
        int seed,
        TimeSpan requestTimeout,
        IntervalRecorder recorder,
        TimeProvider time,
        CancellationToken stopToken,
        int number,
        SessionLogin? login)
    {
        this.endpoints = endpoints;
        this.picker = picker;
        this.recorder = recorder;
        this.stopToken = stopToken;
        this.login = login;
        sender = new RequestSender(invoker, seed, requestTimeout, time, stopToken, new UserContext(number), login);
        microsPerTimestampTick = 1_000_000.0 / time.TimestampFrequency;
    }

    public async Task RunAsync()
    {
        while (!stopToken.IsCancellationRequested)
        {
            var endpoint = login is not null && sender.User.Session is null
                ? login.Endpoint
                : endpoints[picker.Pick(sender.Random)];
            var (outcome, sent, ended) = await sender.SendAsync(endpoint).ConfigureAwait(false);

            // A request cut short by the end of the run says nothing about the server: drop it.
            if (stopToken.IsCancellationRequested)
            {
                break;
            }

            recorder.Record(outcome, (long)((ended - sent) * microsPerTimestampTick), endpoint.Index);
        }
    }

    public void Dispose() => sender.Dispose();
}
