using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Probes.ReadYourWrites;

/// <summary>
/// One run of the read-your-writes probe: signs in, then every <c>every</c> writes through the app
/// and reads back as the same user at once and each <see cref="ReadGap"/> after, for <c>readFor</c>.
/// Each read that does not show the write is a violation; the verdict names the first, and how long
/// after the write the last one came, which tells a window too short from no window at all.
/// </summary>
internal sealed class ReadYourWritesRun(CriterionSpec criterion, ReadYourWritesSettings settings, HttpClient http, Uri baseUrl, TimeProvider time)
{
    /// <summary>Time between reads after a write: fine enough to catch a window that ends before the replica caught up.</summary>
    private static readonly TimeSpan ReadGap = TimeSpan.FromMilliseconds(100);
    private readonly Lock _gate = new();
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    private readonly List<string> _failedRequests = [];
    private string? _firstViolation;
    private int _violations;
    private int _reads;
    private int _writes;
    private double _latestViolationMs;
    private string? _session;
    private long _started;

    public async Task<CriterionResult> RunAsync(CancellationToken untilLoadEnds)
    {
        _started = time.GetTimestamp();
        var every = DurationParser.TryParse(criterion.Every, out var e) ? e : TimeSpan.FromSeconds(2);
        var readFor = DurationParser.TryParse(settings.ReadFor, out var r) ? r : TimeSpan.FromSeconds(1);
        try
        {
            for (var round = 1; !untilLoadEnds.IsCancellationRequested; round++)
            {
                var roundStart = time.GetTimestamp();
                await RoundAsync(round, readFor, untilLoadEnds);
                var rest = every - time.GetElapsedTime(roundStart);
                if (rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest, time, untilLoadEnds);
                }
            }
        }
        catch (OperationCanceledException) when (untilLoadEnds.IsCancellationRequested)
        {
            // The load is over: the rounds that finished are the verdict.
        }
        return Verdict(readFor);
    }

    private async Task RoundAsync(int round, TimeSpan readFor, CancellationToken token)
    {
        if (_session is null && !await SignInAsync(token))
        {
            return;
        }
        var marker = $"read-your-writes {round} {Guid.NewGuid():N}";
        var body = Fill(settings.WriteBody ?? "", marker);
        var (written, writeError) = await SendAsync(HttpMethod.Post, settings.WritePath!, body, token);
        var field = criterion.Fields[0];
        if (written is null || TopLevel(written, field) is not { } key)
        {
            _failedRequests.Add(writeError ?? $"POST {settings.WritePath} answered without a top-level \"{field}\"");
            return;
        }
        _writes++;
        var acknowledged = time.GetTimestamp();
        var writtenAt = time.GetElapsedTime(_started).TotalSeconds;
        // Reads leave at fixed times (at once, then every ReadGap), not one after another's answer: under
        // load an answer takes hundreds of ms, and waiting for it would leave the first half second, where
        // a replica's lag shows, with one or two reads.
        var reads = new List<Task>();
        try
        {
            for (var at = TimeSpan.Zero; at <= readFor; at += ReadGap)
            {
                var wait = at - time.GetElapsedTime(acknowledged);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, time, token);
                }
                reads.Add(ReadBackAsync(field, key, writtenAt, time.GetElapsedTime(acknowledged).TotalMilliseconds));
            }
        }
        finally
        {
            await Task.WhenAll(reads);
        }
    }

    private async Task ReadBackAsync(string field, string key, double writtenAt, double sentAfter)
    {
        var (read, readError) = await SendAsync(HttpMethod.Get, settings.ReadPath!, null, CancellationToken.None);
        lock (_gate)
        {
            if (read is null)
            {
                _failedRequests.Add(readError!);
                return;
            }
            _reads++;
            if (!FreshnessProbe.Contains(read, field, key))
            {
                _violations++;
                _latestViolationMs = Math.Max(_latestViolationMs, sentAfter);
                _firstViolation ??= $"{field} {key}, written at {writtenAt:0.0} s, was missing from GET {settings.ReadPath} sent {sentAfter:0} ms after the write was answered";
            }
        }
    }

    private async Task<bool> SignInAsync(CancellationToken token)
    {
        var (answer, error) = await SendAsync(HttpMethod.Post, settings.LoginPath!, Fill(settings.LoginBody ?? "", ""), token);
        _session = answer is null ? null : TopLevel(answer, settings.Capture!);
        if (_session is null)
        {
            _failedRequests.Add($"sign-in: {error ?? $"the answer had no top-level \"{settings.Capture}\""}");
        }
        return _session is not null;
    }

    private async Task<(string? Body, string? Error)> SendAsync(HttpMethod method, string path, string? body, CancellationToken token)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(RequestTimeout);
        using var request = new HttpRequestMessage(method, new Uri(baseUrl, Fill(path, "")));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        if (settings.Authorization is { } authorization && _session is not null && AuthenticationHeaderValue.TryParse(Fill(authorization, ""), out var header))
        {
            request.Headers.Authorization = header;
        }
        try
        {
            using var response = await http.SendAsync(request, timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            return response.IsSuccessStatusCode ? (text, null) : (null, $"{method} {path} answered {(int)response.StatusCode}");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !token.IsCancellationRequested)
        {
            return (null, $"{method} {path}: {(e is TaskCanceledException ? $"no answer within {RequestTimeout.TotalSeconds:0} s" : e.Message)}");
        }
    }

    private string Fill(string template, string marker) => template
        .Replace("{user}", settings.User.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{session}", _session ?? "", StringComparison.Ordinal)
        .Replace("{marker}", marker, StringComparison.Ordinal);

    private static string? TopLevel(string json, string field)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty(field, out var value)
                && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? ProbeValue.ToText(value)
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private CriterionResult Verdict(TimeSpan readFor)
    {
        var expected = $"every read in the {DurationParser.Format(readFor)} after a user's write shows it";
        var failed = _failedRequests.Count > 0 ? $"; {_failedRequests.Count} requests failed, first: {_failedRequests[0]}" : "";
        if (_violations > 0)
        {
            return Result(false, expected,
                $"{_violations} of {_reads} reads missed the user's own write, the latest {_latestViolationMs:0} ms after it; first: {_firstViolation}{failed}");
        }
        if (_writes == 0 || _reads == 0)
        {
            return Result(false, expected, $"no write could be read back{(failed.Length > 0 ? failed : ": the load ended before the first write")}");
        }
        return Result(true, expected, $"{_reads} reads after {_writes} writes all showed them{failed}");
    }

    private CriterionResult Result(bool passed, string expected, string actual) =>
        new(criterion.Name, criterion.Kind, passed, expected, actual, criterion.Where);
}
