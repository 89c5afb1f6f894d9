using System.Text.Json;
using System.Threading.Channels;
using SysDesignLab.Web.Hosting;

namespace SysDesignLab.Web.Live;

/// <summary>
/// Fans events out to every open dashboard (Server-Sent Events). Each subscriber has a small
/// bounded queue that drops its oldest event when a browser lags, so a slow tab can never slow
/// the load generator, which publishes from its sampling timer.
/// </summary>
public sealed class LiveHub
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly Lock _gate = new();
    private readonly List<Channel<string>> _subscribers = [];

    public LiveHub()
    {
    }

    /// <summary>A hub of the web lab: its samplers diagnose the runs of <paramref name="lab"/> (the service container picks this one).</summary>
    public LiveHub(WebLabContext lab) => Lab = lab;

    /// <summary>The lab whose runs are diagnosed from outside the app; null for a bare hub (tests), which then publishes no diagnosis.</summary>
    internal WebLabContext? Lab { get; }

    public int Subscribers
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    public void Publish(string type, object payload)
    {
        var frame = $"event: {type}\ndata: {JsonSerializer.Serialize(payload, Json)}\n\n";
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(frame);
            }
        }
    }

    public ChannelReader<string> Subscribe(CancellationToken until)
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(256)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }
        until.Register(() =>
        {
            lock (_gate)
            {
                _subscribers.Remove(channel);
            }
            channel.Writer.TryComplete();
        });
        return channel.Reader;
    }
}
