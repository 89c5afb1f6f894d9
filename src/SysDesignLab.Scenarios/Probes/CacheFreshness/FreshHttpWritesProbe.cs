using System.Globalization;
using System.Text;
using System.Text.Json;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Probes.CacheFreshness;

/// <summary>
/// "fresh-http-writes": while the load runs, every <c>every</c> reads a number from the app
/// (<c>request</c>, JSON field <c>fields[0]</c>), writes through the app (<c>writeMethod</c>
/// <c>writeRequest</c> with <c>writeBody</c>), and reads again <c>within</c> later: the number must
/// have grown. Every request goes through the entry point (the balancer), so over the rounds both
/// instances are asked: a cache that the write does not invalidate, or that only the instance
/// handling the write invalidates, answers with the number it had.
/// </summary>
/// <remarks>
/// "Grown", not "grown by one": the load writes too. The first read also warms a cache that fills
/// on a miss, so the write must really reach it. A round whose read or write failed (an overloaded
/// app) counts as unread, not stale: slowness is the latency criteria's business.
/// </remarks>
public sealed class FreshHttpWritesProbe : ICheckProbe
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    public string Name => "fresh-http-writes";
    public ProbePhase Phase => ProbePhase.DuringLoad;

    public void Validate(CriterionSpec c, ManifestCheck check, string at)
    {
        var own = c;
        check.Require(c.Request, $"{at}.request");
        check.Require(own.WriteRequest, $"{at}.writeRequest");
        check.RequireDuration(c.Every, $"{at}.every", allowZero: false);
        check.RequireDuration(c.Within, $"{at}.within", allowZero: false);
        if (own.WriteMethod is { } method && method.ToUpperInvariant() is not ("POST" or "PUT" or "PATCH" or "DELETE"))
        {
            check.Fail($"{at}.writeMethod", $"is '{method}'; a write is POST, PUT, PATCH or DELETE.");
        }
        if (c.Fields.Count != 1)
        {
            check.Fail($"{at}.fields", "must name one field: the JSON number the write makes grow (e.g. \"likes\").");
        }
        if (c.Parameter is not null && (c.Values.Count == 0 || !c.Request!.Contains($"{{{c.Parameter}}}", StringComparison.Ordinal)))
        {
            check.Fail($"{at}.parameter", $"needs values and a {{{c.Parameter}}} in the request.");
        }
    }

    public async Task<CriterionResult> RunAsync(CriterionSpec criterion, ProbeContext context, CancellationToken cancellationToken)
    {
        var own = criterion;
        var every = DurationParser.TryParse(criterion.Every, out var e) ? e : TimeSpan.FromSeconds(2);
        var within = DurationParser.TryParse(criterion.Within, out var w) ? w : TimeSpan.FromSeconds(1);
        var started = context.Time.GetTimestamp();
        var rounds = new Rounds();
        using var untilLoadEnds = CancellationTokenSource.CreateLinkedTokenSource(context.LoadEnded, cancellationToken);
        try
        {
            for (var round = 0; !untilLoadEnds.IsCancellationRequested; round++)
            {
                var roundStart = context.Time.GetTimestamp();
                var value = criterion.Values.Count > 0 ? criterion.Values[round % criterion.Values.Count] : (JsonElement?)null;
                string Fill(string template) => value is { } v && criterion.Parameter is { } p
                    ? template.Replace($"{{{p}}}", ProbeValue.ToText(v), StringComparison.Ordinal)
                    : template;
                await RoundAsync(criterion, own, context, Fill(criterion.Request!), Fill(own.WriteRequest!), own.WriteBody is { } b ? Fill(b) : null,
                    within, () => context.Time.GetElapsedTime(started).TotalSeconds, rounds, untilLoadEnds.Token);
                var rest = every - context.Time.GetElapsedTime(roundStart);
                if (rest > TimeSpan.Zero)
                {
                    await Task.Delay(rest, context.Time, untilLoadEnds.Token);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The load is over (or the check was cancelled): the rounds that finished are judged.
        }
        return Judge(criterion, within, rounds);
    }

    private sealed class Rounds
    {
        public int Fresh;
        public List<string> Stale { get; } = [];
        public List<string> Unread { get; } = [];
    }

    private static async Task RoundAsync(CriterionSpec criterion, CriterionSpec own, ProbeContext context, string read, string write,
        string? body, TimeSpan within, Func<double> seconds, Rounds rounds, CancellationToken token)
    {
        var field = criterion.Fields[0];
        var (before, error) = await ReadNumberAsync(context, read, field, token);
        if (before is null)
        {
            rounds.Unread.Add($"GET {read}: {error}");
            return;
        }
        var method = new HttpMethod((own.WriteMethod ?? "POST").ToUpperInvariant());
        if (await SendAsync(context, method, write, body, token) is { } writeError)
        {
            rounds.Unread.Add($"{method} {write}: {writeError}");
            return;
        }
        var written = seconds();
        await Task.Delay(within, context.Time, token);
        var sent = seconds();
        var (after, afterError) = await ReadNumberAsync(context, read, field, CancellationToken.None);
        if (after is null)
        {
            rounds.Unread.Add($"GET {read}: {afterError}");
        }
        else if (after > before)
        {
            rounds.Fresh++;
        }
        else
        {
            rounds.Stale.Add($"GET {read} answered {field} {Format(before.Value)} before {method} {write} at {written:0.0} s, " +
                $"and still {Format(after.Value)} at {sent:0.0} s");
        }
    }

    private static CriterionResult Judge(CriterionSpec criterion, TimeSpan within, Rounds rounds)
    {
        var expected = $"every write seen within {DurationParser.Format(within)}";
        var total = rounds.Fresh + rounds.Stale.Count + rounds.Unread.Count;
        CriterionResult Result(bool passed, string actual) => new(criterion.Name, criterion.Kind, passed, expected, actual, criterion.Where);
        if (rounds.Stale.Count > 0)
        {
            return Result(false, $"served stale data: {rounds.Stale[0]} ({rounds.Stale.Count} of {total} writes missed)");
        }
        if (rounds.Fresh == 0)
        {
            var why = rounds.Unread.Count > 0 ? rounds.Unread[0] : "the load ended before the first write was read back";
            return Result(false, $"no write could be read back: {why}");
        }
        var unread = rounds.Unread.Count > 0 ? $"; {rounds.Unread.Count} rounds failed ({rounds.Unread[0]})" : "";
        return Result(true, $"{rounds.Fresh}/{total} writes seen within {DurationParser.Format(within)}{unread}");
    }

    private static async Task<(double? Number, string Error)> ReadNumberAsync(ProbeContext context, string path, string field, CancellationToken token)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(RequestTimeout);
        try
        {
            using var response = await context.Http.GetAsync(new Uri(context.AppUrl, path), timeout.Token);
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                return (null, $"answered {(int)response.StatusCode}");
            }
            using var document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object &&
                document.RootElement.TryGetProperty(field, out var number) && number.ValueKind == JsonValueKind.Number
                ? (number.GetDouble(), "")
                : (null, $"the answer has no number '{field}'");
        }
        catch (JsonException)
        {
            return (null, "the answer is not JSON");
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !token.IsCancellationRequested)
        {
            return (null, e is TaskCanceledException ? $"no answer within {RequestTimeout.TotalSeconds:0} s" : e.Message);
        }
    }

    private static async Task<string?> SendAsync(ProbeContext context, HttpMethod method, string path, string? body, CancellationToken token)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(RequestTimeout);
        using var request = new HttpRequestMessage(method, new Uri(context.AppUrl, path));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }
        try
        {
            using var response = await context.Http.SendAsync(request, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"answered {(int)response.StatusCode}";
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !token.IsCancellationRequested)
        {
            return e is TaskCanceledException ? $"no answer within {RequestTimeout.TotalSeconds:0} s" : e.Message;
        }
    }

    private static string Format(double number) => number.ToString("0.###", CultureInfo.InvariantCulture);
}
