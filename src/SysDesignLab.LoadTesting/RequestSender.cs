namespace SysDesignLab.LoadTesting;

/// <summary>
/// Sends one request at a time on behalf of a worker (closed-model user or open-model slot) and classifies
/// the outcome. Owns the worker's pooled buffer, timeout and connect probe, so the hot path allocates little.
/// </summary>
internal sealed class RequestSender : IDisposable
{
    private readonly HttpMessageInvoker invoker;
    private readonly TimeProvider time;
    private readonly RequestDeadline deadline;
    private readonly ConnectProbe probe = new();
    private readonly ResponseBuffer buffer = new();

    public RequestSender(HttpMessageInvoker invoker, int seed, TimeSpan requestTimeout, TimeProvider time, CancellationToken stopToken)
    {
        this.invoker = invoker;
        this.time = time;
        Random = new Random(seed);
        deadline = new RequestDeadline(requestTimeout, time, stopToken);
    }

    /// <summary>The worker's seeded source of endpoint picks and template parameters.</summary>
    public Random Random { get; }

    /// <returns>The outcome and the timestamps just before the send and after the last body byte.</returns>
    public async ValueTask<(RequestOutcome Outcome, long Sent, long Ended)> SendAsync(CompiledEndpoint endpoint)
    {
        RequestOutcome outcome;
        LoadRequest? request = null;
        var token = deadline.Start();
        var sent = time.GetTimestamp();
        try
        {
            request = endpoint.CreateRequest(Random, probe);
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

        var ended = time.GetTimestamp();
        deadline.Reset();
        return (outcome, sent, ended);
    }

    public void Dispose()
    {
        deadline.Dispose();
        buffer.Dispose();
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
