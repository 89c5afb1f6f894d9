using System.Globalization;
using StackExchange.Redis;

namespace SysDesignLab.Orchestration.Redis;

/// <summary>
/// What a Redis server reports about itself, from INFO stats, memory and keyspace. Counters (hits,
/// misses, evictions, commands) run from the server's start or the last <see cref="RedisStats.ResetAsync"/>;
/// memory and keys are the state at the moment of reading.
/// </summary>
public sealed record RedisFigures(long Hits, long Misses, long EvictedKeys, long UsedMemoryBytes, long MaxMemoryBytes, long Keys, long Commands)
{
    /// <summary>Commands refused because memory was full (INFO errorstats' errorstat_OOM): a full cache under noeviction.</summary>
    public long RejectedWrites { get; init; }

    /// <summary>The eviction policy in effect (INFO memory's maxmemory_policy), or "" when the INFO text did not say.</summary>
    public string Policy { get; init; } = "";

    /// <summary>True when a full Redis makes room by evicting keys instead of refusing writes.</summary>
    public bool Evicts => Policy.Length > 0 && Policy != "noeviction";

    /// <summary>Hits over lookups (GET and the like on a key), or null when there were no lookups to judge by.</summary>
    public double? HitRatio => Hits + Misses == 0 ? null : (double)Hits / (Hits + Misses);
}

/// <summary>
/// A metric source for a lab Redis: reads <see cref="RedisFigures"/>, and zeroes the counters at the
/// start of a measured run. Holds one admin connection of its own (CONFIG RESETSTAT needs one; the
/// app's connection string is not allowed admin commands). Its own INFO calls count in
/// <see cref="RedisFigures.Commands"/>: one per read.
/// </summary>
public sealed class RedisStats(RedisServer server) : IAsyncDisposable
{
    private readonly SemaphoreSlim _connecting = new(1, 1);
    private ConnectionMultiplexer? _connection;
    private int _connectedPort;

    public async Task<RedisFigures> ReadAsync(CancellationToken cancellationToken = default)
    {
        // One INFO with four sections (Redis 7): the figures come from one moment.
        var info = await ExecuteAsync("INFO", ["stats", "memory", "keyspace", "errorstats"], cancellationToken);
        return Parse(info.ToString());
    }

    /// <summary>CONFIG RESETSTAT: hits, misses, evictions and commands start again from zero.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken = default) =>
        await ExecuteAsync("CONFIG", ["RESETSTAT"], cancellationToken);

    /// <summary>
    /// Reads INFO text (any sections, CRLF or LF): fields missing from it are 0, lines it does not
    /// understand are skipped, and keys are summed over every database in the keyspace section.
    /// </summary>
    public static RedisFigures Parse(string info)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        long keys = 0;
        foreach (var raw in info.Split('\n'))
        {
            var line = raw.Trim();
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (line.StartsWith('#') || colon <= 0)
            {
                continue;
            }
            var (name, value) = (line[..colon], line[(colon + 1)..]);
            if (name.Length > 2 && name.StartsWith("db", StringComparison.Ordinal) && name[2..].All(char.IsAsciiDigit))
            {
                // db0:keys=12,expires=3,avg_ttl=0
                keys += value.Split(',').Select(pair => pair.Split('=', 2))
                    .Where(pair => pair is ["keys", _])
                    .Select(pair => Number(pair[1]))
                    .Sum();
                continue;
            }
            fields[name] = value;
        }
        long Field(string name) => fields.TryGetValue(name, out var value) ? Number(value) : 0;
        return new RedisFigures(
            Hits: Field("keyspace_hits"),
            Misses: Field("keyspace_misses"),
            EvictedKeys: Field("evicted_keys"),
            UsedMemoryBytes: Field("used_memory"),
            MaxMemoryBytes: Field("maxmemory"),
            Keys: keys,
            Commands: Field("total_commands_processed"))
        {
            // errorstat_OOM:count=12
            RejectedWrites = fields.TryGetValue("errorstat_OOM", out var oom) && oom.StartsWith("count=", StringComparison.Ordinal) ? Number(oom["count=".Length..].Split(',')[0]) : 0,
            Policy = fields.GetValueOrDefault("maxmemory_policy", "").Trim(),
        };
    }

    private static long Number(string text) =>
        long.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : 0;

    private async Task<RedisResult> ExecuteAsync(string command, object[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            var connection = await ConnectAsync(cancellationToken);
            return await connection.GetServers()[0].ExecuteAsync(command, arguments).WaitAsync(cancellationToken);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new LabException($"Could not read the statistics of Redis '{server.Name}' at 127.0.0.1:{server.Port}: {e.Message} " +
                $"Is it running? Its log is {server.LogPath}.", e);
        }
    }

    private async Task<ConnectionMultiplexer> ConnectAsync(CancellationToken cancellationToken)
    {
        await _connecting.WaitAsync(cancellationToken);
        try
        {
            // A new start of the server is on another port: the old connection would only retry the old one.
            if (_connection is not null && _connectedPort != server.Port)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }
            if (_connection is null)
            {
                var options = ConfigurationOptions.Parse(server.ConnectionString);
                options.AllowAdmin = true;
                options.AbortOnConnectFail = true;
                options.ClientName = "sdlab-stats";
                options.ConnectTimeout = 5000;
                _connection = await ConnectionMultiplexer.ConnectAsync(options).WaitAsync(cancellationToken);
                _connectedPort = server.Port;
            }
            return _connection;
        }
        finally
        {
            _connecting.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
        _connecting.Dispose();
    }
}
