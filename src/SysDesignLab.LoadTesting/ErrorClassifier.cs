using System.Net.Http;
using System.Net.Sockets;

namespace SysDesignLab.LoadTesting;

/// <summary>Maps a failed request to the error kind a learner should reason about.</summary>
internal static class ErrorClassifier
{
    /// <param name="timedOut">The per-request deadline fired before the exception was seen.</param>
    /// <param name="connecting">A connection attempt made for this virtual user was still in progress,
    /// i.e. the time was spent waiting for TCP, not for the server's answer.</param>
    public static RequestOutcome Classify(Exception exception, bool timedOut, bool connecting)
    {
        if (timedOut)
        {
            return connecting ? RequestOutcome.Connect : RequestOutcome.Timeout;
        }

        // Socket codes are the most precise evidence, so look for them through the whole chain first.
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is SocketException socket && FromSocketError(socket.SocketErrorCode) is { } fromSocket)
            {
                return fromSocket;
            }
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                // Only SocketsHttpHandler.ConnectTimeout produces this: HttpMessageInvoker has no request timeout.
                case TimeoutException:
                    return RequestOutcome.Connect;
                case HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError }:
                    return RequestOutcome.Connect;
                case HttpRequestException { HttpRequestError: HttpRequestError.ResponseEnded }:
                case HttpIOException { HttpRequestError: HttpRequestError.ResponseEnded }:
                    return RequestOutcome.Reset;
            }
        }

        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is IOException)
            {
                return RequestOutcome.Reset;
            }
        }

        return RequestOutcome.Other;
    }

    /// <summary>Status-only classification; a matching status still needs the body check.</summary>
    public static RequestOutcome ClassifyStatus(int status, int? expectedStatus)
    {
        if (expectedStatus is { } expected ? status == expected : status is >= 200 and < 300)
        {
            return RequestOutcome.Success;
        }

        return status switch
        {
            >= 500 and < 600 => RequestOutcome.ServerError,
            >= 400 and < 500 => RequestOutcome.ClientError,
            >= 200 and < 400 => RequestOutcome.WrongBody,
            _ => RequestOutcome.Other,
        };
    }

    private static RequestOutcome? FromSocketError(SocketError error) => error switch
    {
        SocketError.ConnectionRefused or SocketError.HostUnreachable or SocketError.NetworkUnreachable
            or SocketError.NetworkDown or SocketError.HostNotFound or SocketError.HostDown or SocketError.TryAgain
            or SocketError.NoData or SocketError.TimedOut or SocketError.AddressNotAvailable
            or SocketError.AddressFamilyNotSupported => RequestOutcome.Connect,
        SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.Shutdown
            or SocketError.NotConnected or SocketError.Disconnecting or SocketError.OperationAborted => RequestOutcome.Reset,
        _ => null,
    };
}
