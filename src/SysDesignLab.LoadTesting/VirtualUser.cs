namespace SysDesignLab.LoadTesting;

/// <summary>
/// One closed-model user: pick an endpoint, send, wait for the full response, record, repeat — no think
/// time, so the offered load is set by the user count and the server's latency.
/// </summary>
internal sealed class VirtualUser : IDisposable
{
    private readonly HttpMessageInvoker invoker;
    private readonly CompiledEndpoint[] endpoints;
    private readonly WeightedPicker picker;
    private readonly Random random;
    private readonly IntervalRecorder recorder;
    private readonly TimeProvider time;
    private readonly CancellationToken stopToken;
    private readonly RequestDeadline deadline;
    private readonly ConnectProbe probe = new();
    private readonly ResponseBuffer buffer = new();
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
        this.invoker = invoker;
        this.endpoints = endpoints;
        this.picker = picker;
        this.recorder = recorder;
        this.time = time;
        this.stopToken = stopToken;
        random = new Random(seed);
        deadline = new RequestDeadline(requestTimeout, time, stopToken);
        microsPerTimestampTick = 1_000_000.0 / time.TimestampFrequency;
    }

    public async Task RunAsync()
    {
        while (!stopToken.IsCancellationRequested)
        {
            var endpoint = endpoints[picker.Pick(random)];
            var (outcome, micros) = await SendAsync(endpoint).ConfigureAwait(false);

            // A request cut short by the end of the run says nothing about the server: drop it.
            if (stopToken.IsCancellationRequested)
            {
                break;
            }

            recorder.Record(outcome, micros);
        }
    }

    public void Dispose()
    {
        deadline.Dispose();
        buffer.Dispose();
    }

    private async ValueTask<(RequestOutcome Outcome, long Micros)> SendAsync(CompiledEndpoint endpoint)
    {
        RequestOutcome outcome;
        LoadRequest? request = null;
        var token = deadline.Start();
        var started = time.GetTimestamp();
        try
        {
            request = endpoint.CreateRequest(random, probe);
            using var response = await invoker.SendAsync(request, token).ConfigureAwait(false);
            outcome = await ReadResponseAsync(response, endpoint.Validator, token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            outcome = ErrorClassifier.Classify(ex, deadline.Expired, probe.IsConnecting);
        }
        finally
        {
            request?.Dispose();
        }

        var micros = (long)((time.GetTimestamp() - started) * microsPerTimestampTick);
        deadline.Reset();
        return (outcome, micros);
    }

    private async ValueTask<RequestOutcome> ReadResponseAsync(HttpResponseMessage response, ResponseValidator validator, CancellationToken token)
    {
        var outcome = validator.CheckStatus((int)response.StatusCode);
        if (outcome == RequestOutcome.Success && validator.NeedsBody)
        {
            var length = await buffer.ReadAllAsync(response.Content, token).ConfigureAwait(false);
            return validator.CheckBody(buffer.Body(length)) ? RequestOutcome.Success : RequestOutcome.WrongBody;
        }

        await buffer.DrainAsync(response.Content, token).ConfigureAwait(false);
        return outcome;
    }
}
