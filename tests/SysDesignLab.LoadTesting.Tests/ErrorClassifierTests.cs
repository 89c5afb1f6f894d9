using System.Net.Http;
using System.Net.Sockets;

namespace SysDesignLab.LoadTesting.Tests;

public sealed class ErrorClassifierTests
{
    [Theory]
    [InlineData(200, null, nameof(RequestOutcome.Success))]
    [InlineData(204, null, nameof(RequestOutcome.Success))]
    [InlineData(302, null, nameof(RequestOutcome.WrongBody))]
    [InlineData(200, 201, nameof(RequestOutcome.WrongBody))]
    [InlineData(201, 201, nameof(RequestOutcome.Success))]
    [InlineData(404, 404, nameof(RequestOutcome.Success))]
    [InlineData(404, null, nameof(RequestOutcome.ClientError))]
    [InlineData(429, 200, nameof(RequestOutcome.ClientError))]
    [InlineData(500, null, nameof(RequestOutcome.ServerError))]
    [InlineData(503, 200, nameof(RequestOutcome.ServerError))]
    [InlineData(101, null, nameof(RequestOutcome.Other))]
    public void Status_is_classified_against_the_expectation(int status, int? expected, string outcome)
    {
        Assert.Equal(Enum.Parse<RequestOutcome>(outcome), ErrorClassifier.ClassifyStatus(status, expected));
    }

    [Fact]
    public void Refused_connection_is_Connect()
    {
        var error = new HttpRequestException(
            HttpRequestError.ConnectionError, "refused", new SocketException((int)SocketError.ConnectionRefused));

        Assert.Equal(RequestOutcome.Connect, ErrorClassifier.Classify(error, timedOut: false, connecting: false));
    }

    [Fact]
    public void Handler_connect_timeout_is_Connect()
    {
        var error = new TaskCanceledException("cancelled", new TimeoutException("connect timed out"));

        Assert.Equal(RequestOutcome.Connect, ErrorClassifier.Classify(error, timedOut: false, connecting: false));
    }

    [Fact]
    public void Reset_socket_under_an_IOException_is_Reset()
    {
        var error = new HttpRequestException(
            "copy failed", new IOException("reset", new SocketException((int)SocketError.ConnectionReset)));

        Assert.Equal(RequestOutcome.Reset, ErrorClassifier.Classify(error, timedOut: false, connecting: false));
    }

    [Fact]
    public void Response_ended_early_is_Reset()
    {
        var headers = new HttpRequestException(HttpRequestError.ResponseEnded, "ended");
        var body = new HttpIOException(HttpRequestError.ResponseEnded, "ended");

        Assert.Equal(RequestOutcome.Reset, ErrorClassifier.Classify(headers, timedOut: false, connecting: false));
        Assert.Equal(RequestOutcome.Reset, ErrorClassifier.Classify(body, timedOut: false, connecting: false));
    }

    [Fact]
    public void Fired_deadline_is_Timeout_unless_the_connection_was_still_being_made()
    {
        var error = new TaskCanceledException();

        Assert.Equal(RequestOutcome.Timeout, ErrorClassifier.Classify(error, timedOut: true, connecting: false));
        Assert.Equal(RequestOutcome.Connect, ErrorClassifier.Classify(error, timedOut: true, connecting: true));
    }

    [Fact]
    public void Unrecognised_failure_is_Other()
    {
        Assert.Equal(RequestOutcome.Other, ErrorClassifier.Classify(new InvalidOperationException(), timedOut: false, connecting: false));
        Assert.Equal(RequestOutcome.Other, ErrorClassifier.Classify(new TaskCanceledException(), timedOut: false, connecting: false));
    }
}
