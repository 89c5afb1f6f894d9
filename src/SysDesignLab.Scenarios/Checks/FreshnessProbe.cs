using System.Globalization;
using System.Text.Json;
using Npgsql;
using SysDesignLab.Orchestration.Postgres;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>
/// Writes while the load runs, and reads each write back through the app: a row written at second
/// t must be in the app's answer to a request sent at t + <c>within</c>. Nothing else tells a
/// fast, correct app from one that serves a start-up snapshot or a cache that is never
/// invalidated: against a database that never changes, both answer exactly what it holds.
/// </summary>
/// <remarks>
/// Each round reads first (so a cache that fills on a miss is warm), then runs the write SQL
/// straight in the database (as another part of the system would), waits <c>within</c>, and reads
/// again. The bound is on when the reading request is sent, not on how long it takes: slowness is
/// the latency criteria's business, staleness is this probe's.
/// </remarks>
public sealed class FreshnessProbe
{
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);
    private readonly CriterionSpec _criterion;
    private readonly HttpClient _http;
    private readonly Uri _baseUrl;
    private readonly PostgresDatabase _database;
    private readonly TimeProvider _time;
    private readonly TimeSpan _every;
    private readonly TimeSpan _within;
    private readonly List<string> _stale = [];
    private readonly List<string> _unread = [];
    private readonly CancellationTokenSource _stop = new();
    private long _started;
    private int _seen;
    private string? _writeError;
    private Task? _loop;

    private FreshnessProbe(CriterionSpec criterion, HttpClient http, Uri baseUrl, PostgresDatabase database, TimeProvider time)
    {
        _criterion = criterion;
        _http = http;
        _baseUrl = baseUrl;
        _database = database;
        _time = time;
        _every = DurationParser.TryParse(criterion.Every, out var every) ? every : TimeSpan.FromSeconds(2);
        _within = DurationParser.TryParse(criterion.Within, out var within) ? within : TimeSpan.FromSeconds(1);
    }

    /// <summary>Starts writing and reading back in the background; call as the load starts.</summary>
    public static FreshnessProbe Start(CriterionSpec criterion, HttpClient http, Uri baseUrl, PostgresDatabase database, TimeProvider time)
    {
        var probe = new FreshnessProbe(criterion, http, baseUrl, database, time);
        probe._started = time.GetTimestamp();
        probe._loop = Task.Run(probe.RunAsync);
        return probe;
    }

    /// <summary>Stops after the round in progress and judges every round that finished.</summary>
    public async Task<CriterionResult> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop!;
        _stop.Dispose();
        var expected = $"every write seen within {DurationParser.Format(_within)}";
        var rounds = _seen + _stale.Count + _unread.Count;
        if (_writeError is not null)
        {
            return Result(false, expected, $"the check could not write: {_writeError}");
        }
        if (_stale.Count > 0)
        {
            return Result(false, expected, $"served stale data: {_stale[0]} ({_stale.Count} of {rounds} writes missed)");
        }
        if (_seen == 0)
        {
            var why = _unread.Count > 0 ? _unread[0] : "the load ended before the first write was read back";
            return Result(false, expected, $"no write could be read back: {why}");
        }
        var unread = _unread.Count > 0 ? $"; {_unread.Count} reads failed (the load's figures say why)" : "";
        return Result(true, expected, $"{_seen}/{rounds} writes seen within {DurationParser.Format(_within)}{unread}");
    }

    private async Task RunAsync()
    {
        var token = _stop.Token;
        try
        {
            for (var round = 1; !token.IsCancellationRequested; round++)
            {
                var roundStart = _time.GetTimestamp();
                await RoundAsync(round, token);
                var rest = _every - _time.GetElapsedTime(roundStart);
                if (rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest, _time, token);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is PostgresException or NpgsqlException or FreshnessWriteException)
        {
            // The schema is the lab's, but the learner may have changed it: report, do not crash the check.
            _writeError = e is PostgresException pg ? pg.MessageText : e.Message;
        }
    }

    private sealed class FreshnessWriteException(string message) : Exception(message);

    private async Task RoundAsync(int round, CancellationToken token)
    {
        var value = _criterion.Values.Count > 0 ? _criterion.Values[(round - 1) % _criterion.Values.Count] : (JsonElement?)null;
        var path = value is { } v && _criterion.Parameter is { } parameter
            ? _criterion.Request!.Replace($"{{{parameter}}}", Uri.EscapeDataString(ProbeValue.ToText(v)), StringComparison.Ordinal)
            : _criterion.Request!;
        _ = await ReadAsync(path, token); // warms a cache that fills on a miss, so it must notice the write
        var key = await WriteAsync(round, value, token);
        var written = Seconds();
        await Task.Delay(_within, _time, token);
        var sent = Seconds();
        var (body, error) = await ReadAsync(path, CancellationToken.None);
        var field = _criterion.Fields[0];
        if (body is null)
        {
            _unread.Add($"GET {path} at {sent:0.0} s: {error}");
        }
        else if (Contains(body, field, key))
        {
            _seen++;
        }
        else
        {
            _stale.Add($"a row written at {written:0.0} s ({field} {key}) was still missing from GET {path} at {sent:0.0} s");
        }
    }

    /// <summary>Runs the write SQL (parameters @round and the probe's parameter) and returns the key it RETURNs.</summary>
    private async Task<string> WriteAsync(int round, JsonElement? value, CancellationToken token)
    {
        await using var connection = await _database.OpenAsync(token);
        await using var command = new NpgsqlCommand(_criterion.Sql, connection);
        command.Parameters.AddWithValue("round", round);
        if (value is { } v && _criterion.Parameter is { } parameter)
        {
            command.Parameters.AddWithValue(parameter, ProbeValue.ToSql(v));
        }
        var key = await command.ExecuteScalarAsync(token);
        return key is null or DBNull
            ? throw new FreshnessWriteException("the write SQL returned no key (it must end with RETURNING the key)")
            : Convert.ToString(key, CultureInfo.InvariantCulture)!;
    }

    private async Task<(string? Body, string Error)> ReadAsync(string path, CancellationToken token)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(ReadTimeout);
        try
        {
            using var response = await _http.GetAsync(new Uri(_baseUrl, path), timeout.Token);
            var body = await response.Content.ReadAsStringAsync(timeout.Token);
            return response.IsSuccessStatusCode ? (body, "") : (null, $"answered {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return (null, e is TaskCanceledException ? $"no answer within {ReadTimeout.TotalSeconds:0} s" : e.Message);
        }
    }

    /// <summary>True when the body (a JSON array, or an object holding one) has an element whose field equals the key.</summary>
    public static bool Contains(string body, string field, string key)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return Find(document.RootElement, field, key);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static bool Find(JsonElement element, string field, string key) => element.ValueKind switch
    {
        JsonValueKind.Array => element.EnumerateArray().Any(e => Find(e, field, key)),
        JsonValueKind.Object => element.EnumerateObject().Any(p =>
            (p.NameEquals(field) && p.Value.ValueKind is JsonValueKind.Number or JsonValueKind.String && ProbeValue.ToText(p.Value) == key)
            || (p.Value.ValueKind is JsonValueKind.Array or JsonValueKind.Object && Find(p.Value, field, key))),
        _ => false,
    };

    private static string Fill(string template, IReadOnlyDictionary<string, string> row) =>
        row.Aggregate(template, (path, column) => path.Replace($"{{{column.Key}}}", Uri.EscapeDataString(column.Value), StringComparison.Ordinal));

    private double Seconds() => _time.GetElapsedTime(_started).TotalSeconds;

    private CriterionResult Result(bool passed, string expected, string actual) =>
        new(_criterion.Name, _criterion.Kind, passed, expected, actual, _criterion.Where);
}
