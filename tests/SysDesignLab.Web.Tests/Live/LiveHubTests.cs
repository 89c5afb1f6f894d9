using SysDesignLab.Web.Live;

namespace SysDesignLab.Web.Tests.Live;

public sealed class LiveHubTests
{
    [Fact]
    public void Every_subscriber_gets_each_event_as_one_sse_frame()
    {
        var hub = new LiveHub();
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();
        var a = hub.Subscribe(first.Token);
        var b = hub.Subscribe(second.Token);

        hub.Publish("sample", new { Rps = 12.5 });

        Assert.True(a.TryRead(out var frame));
        Assert.Equal("event: sample\ndata: {\"rps\":12.5}\n\n", frame);
        Assert.True(b.TryRead(out _));
    }

    [Fact]
    public void A_lagging_browser_loses_its_oldest_events_instead_of_slowing_the_publisher()
    {
        var hub = new LiveHub();
        using var until = new CancellationTokenSource();
        var reader = hub.Subscribe(until.Token);

        for (var i = 0; i < 1000; i++)
        {
            hub.Publish("sample", new { Second = i });
        }

        Assert.True(reader.TryRead(out var oldest));
        Assert.DoesNotContain("\"second\":0}", oldest, StringComparison.Ordinal);
        Assert.True(reader.Count < 1000);
    }

    [Fact]
    public void A_closed_page_stops_receiving()
    {
        var hub = new LiveHub();
        using var until = new CancellationTokenSource();
        _ = hub.Subscribe(until.Token);
        Assert.Equal(1, hub.Subscribers);

        until.Cancel();

        Assert.Equal(0, hub.Subscribers);
    }
}
