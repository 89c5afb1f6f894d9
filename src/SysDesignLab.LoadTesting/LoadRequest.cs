namespace SysDesignLab.LoadTesting;

/// <summary>
/// A request that carries its virtual user's <see cref="ConnectProbe"/> to the connect callback
/// (via <c>SocketsHttpConnectionContext.InitialRequestMessage</c>) without a per-request options dictionary.
/// </summary>
internal sealed class LoadRequest(HttpMethod method, Uri uri, ConnectProbe probe) : HttpRequestMessage(method, uri)
{
    public ConnectProbe Probe { get; } = probe;
}
