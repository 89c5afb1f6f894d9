using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace SysDesignLab.Orchestration.RabbitMq;

/// <summary>The node's management HTTP API on loopback, as the lab user: readiness, queue figures, vhost resets.</summary>
internal sealed class RabbitMqManagement : IDisposable
{
    private readonly HttpClient _http;

    public RabbitMqManagement(int port, string user, string password)
    {
        // No proxy: a learner's HTTP_PROXY must not see (or break) calls to the lab's own loopback node.
        _http = new HttpClient(new SocketsHttpHandler { UseProxy = false })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}/api/"),
            Timeout = TimeSpan.FromSeconds(30),
        };
        _http.DefaultRequestHeaders.Authorization =
            new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    /// <summary>True when the API answers the lab user (the plugin starts after the AMQP listener).</summary>
    public async Task<bool> AnswersAsync(CancellationToken cancellationToken)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(3));
            using var response = await _http.GetAsync("whoami", timeout.Token);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    public async Task<string> GetAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>Sends the request; a status other than success or one of <paramref name="alsoFine"/> is a <see cref="LabException"/>.</summary>
    public async Task<HttpResponseMessage> SendAsync(
        HttpMethod method, string path, string? json, CancellationToken cancellationToken, params HttpStatusCode[] alsoFine)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new LabException($"RabbitMQ's management API at {_http.BaseAddress} did not answer ({e.Message}); is the node running? `sdlab stop` and start again.", e);
        }
        if (!response.IsSuccessStatusCode && !alsoFine.Contains(response.StatusCode))
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            response.Dispose();
            throw new LabException($"RabbitMQ's management API refused {method} {path}: {(int)response.StatusCode} {body}");
        }
        return response;
    }

    public void Dispose() => _http.Dispose();
}
