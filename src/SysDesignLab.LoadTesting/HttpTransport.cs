using System.Net;
using System.Net.Sockets;

namespace SysDesignLab.LoadTesting;

/// <summary>
/// The HTTP client side of a run: several <see cref="SocketsHttpHandler"/>s tuned for load, each serving a
/// shard of the virtual users, so no single connection-pool lock sees every request.
/// </summary>
internal sealed class HttpTransport : IDisposable
{
    private readonly HttpMessageInvoker[] invokers;
    private readonly IPAddress[]? addresses;
    private int preferredAddress;

    private HttpTransport(IPAddress[]? addresses, int users, TimeSpan requestTimeout)
    {
        this.addresses = addresses;
        var shards = Math.Clamp(Environment.ProcessorCount, 1, users);
        invokers = new HttpMessageInvoker[shards];
        for (var shard = 0; shard < shards; shard++)
        {
            // Users are dealt round-robin (see ForUser), so shard i serves this many of them.
            var usersInShard = (users / shards) + (shard < users % shards ? 1 : 0);
            invokers[shard] = new HttpMessageInvoker(CreateHandler(usersInShard, requestTimeout), disposeHandler: true);
        }
    }

    public int ShardCount => invokers.Length;

    /// <summary>
    /// Resolves the host once up front: per-connection DNS would add noise to connect latency and load to
    /// the resolver. The request URI keeps the name, so the Host header (and TLS SNI) stay as written.
    /// </summary>
    public static async Task<HttpTransport> CreateAsync(Uri baseAddress, int users, TimeSpan requestTimeout, CancellationToken cancellationToken)
    {
        var addresses = await ResolveAsync(baseAddress.DnsSafeHost, cancellationToken).ConfigureAwait(false);
        return new HttpTransport(addresses, users, requestTimeout);
    }

    public HttpMessageInvoker ForUser(int userIndex) => invokers[userIndex % invokers.Length];

    public void Dispose()
    {
        foreach (var invoker in invokers)
        {
            invoker.Dispose();
        }
    }

    private static async Task<IPAddress[]?> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        try
        {
            var resolved = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            return resolved.Length == 0 ? null : resolved;
        }
        catch (Exception ex) when (ex is SocketException or OperationCanceledException)
        {
            // Fall back to resolving per connection: the failure then shows up as Connect errors in the
            // results (or the run is already cancelled), which tells the learner more than an exception.
            return null;
        }
    }

    private SocketsHttpHandler CreateHandler(int maxConnections, TimeSpan requestTimeout) => new()
    {
        UseProxy = false,
        UseCookies = false,
        AllowAutoRedirect = false,
        AutomaticDecompression = DecompressionMethods.None,
        // One connection per virtual user: a closed-model user never has two requests in flight.
        MaxConnectionsPerServer = maxConnections,
        PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
        PooledConnectionIdleTimeout = TimeSpan.FromMinutes(10),
        ConnectTimeout = requestTimeout,
        // No traceparent header and no Activity per request: measure the server, not the tracing.
        ActivityHeadersPropagator = null,
        ConnectCallback = ConnectAsync,
    };

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var probe = (context.InitialRequestMessage as LoadRequest)?.Probe;
        probe?.Begin();
        try
        {
            return addresses is null
                ? await ConnectToAsync(new Socket(SocketType.Stream, ProtocolType.Tcp), context.DnsEndPoint, cancellationToken).ConfigureAwait(false)
                : await ConnectToAnyAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            probe?.End();
        }
    }

    private async ValueTask<Stream> ConnectToAnyAsync(IPAddress[] candidates, int port, CancellationToken cancellationToken)
    {
        // Start with the address that worked last time: e.g. "localhost" lists ::1 first while many servers
        // listen on 127.0.0.1 only, and paying a refused connect for every new connection would skew results.
        var first = Volatile.Read(ref preferredAddress);
        for (var attempt = 0; ; attempt++)
        {
            var index = (first + attempt) % candidates.Length;
            var address = candidates[index];
            try
            {
                var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                var stream = await ConnectToAsync(socket, new IPEndPoint(address, port), cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref preferredAddress, index);
                return stream;
            }
            catch (SocketException) when (attempt < candidates.Length - 1)
            {
            }
        }
    }

    private static async ValueTask<Stream> ConnectToAsync(Socket socket, EndPoint endPoint, CancellationToken cancellationToken)
    {
        try
        {
            // Nagle would hold back small requests waiting for an ACK and inflate every latency.
            socket.NoDelay = true;
            await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
