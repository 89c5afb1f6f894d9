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

    private readonly SessionLogin? login;

    public RequestSender(HttpMessageInvoker invoker, int seed, TimeSpan requestTimeout, TimeProvider time, CancellationToken stopToken, UserContext? user = null, SessionLogin? login = null)
    {
        this.invoker = invoker;
        this.time = time;
        this.login = login;
        Random = new Random(seed);
        User = user ?? UserContext.None;
        deadline = new RequestDeadline(requestTimeout, time, stopToken);
    }

    /// <summary>The worker's seeded source of endpoint picks and template parameters.</summary>
    public Random Random { get; }

    /// <summary>The worker's user number and session, filled into templates.</summary>
    public UserContext User { get; }

    /// <returns>The outcome and the timestamps just before the send and after the last body byte.</returns>
    public async ValueTask<(RequestOutcome Outcome, long Sent, long Ended)> SendAsync(CompiledEndpoint endpoint)
    {
        RequestOutcome outcome;
        LoadRequest? request = null;
        var token = deadline.Start();
        var sent = time.GetTimestamp();
        try
        {
            request = endpoint.CreateRequest(Random, probe, User);
            using var response = await invoker.SendAsync(request, token).ConfigureAwait(false);
            var capture = login is not null && endpoint == login.Endpoint ? login : null;
            outcome = await ReadResponseAsync(response, endpoint.Validator, capture, token).ConfigureAwait(false);
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

    /// <summary>
    /// Reads the body only when it is checked or a session value is captured from it; otherwise drains it.
    /// A login succeeds only when its status is right and its body carries the value to capture.
    /// </summary>
    private async ValueTask<RequestOutcome> ReadResponseAsync(HttpResponseMessage response, ResponseValidator validator, SessionLogin? capture, CancellationToken token)
    {
        var outcome = validator.CheckStatus((int)response.StatusCode);
        if (outcome != RequestOutcome.Success || (!validator.NeedsBody && capture is null))
        {
            await buffer.DrainAsync(response.Content, token).ConfigureAwait(false);
            return outcome;
        }

        var length = await buffer.ReadAllAsync(response.Content, token).ConfigureAwait(false);
        var body = buffer.Body(length);
        if (!validator.CheckBody(body))
        {
            return RequestOutcome.WrongBody;
        }
        if (capture is null)
        {
            return RequestOutcome.Success;
        }
        if (capture.TryCapture(body) is not { } value)
        {
            return RequestOutcome.WrongBody;
        }

        User.Session = value;
        return RequestOutcome.Success;
    }
}
