using System.Net;
using System.Text;
using System.Text.Json;
using SysDesignLab.Progress;

namespace SysDesignLab.Web.Tests.Hosting;

/// <summary>
/// POST /api/scenarios/{id}/prediction is a state change like the buttons: refused without the
/// page's token or from another origin, accepted from the page; GET reads it back for predict.js.
/// </summary>
public sealed class PredictionEndpointTests
{
    private const string Api = "/api/scenarios/" + RunningWebLab.ScenarioId + "/prediction";
    private const string Body = """{"success": "95%", "p95": "200ms", "why": "it is a small app"}""";

    [Fact]
    public async Task A_prediction_from_the_page_is_recorded_and_read_back()
    {
        await using var lab = await RunningWebLab.StartAsync();
        using var client = lab.Client();
        var token = await lab.PageTokenAsync(client);

        using var posted = await client.SendAsync(Post(Body, token, lab.Origin));
        using var read = JsonDocument.Parse(await client.GetStringAsync(Api));

        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var prediction = read.RootElement.GetProperty("prediction");
        Assert.Equal(0.95, prediction.GetProperty("successRate").GetDouble(), 6);
        Assert.Equal(200, prediction.GetProperty("p95Ms").GetDouble());
        Assert.Equal("You expected 95% success, p95 200 ms", prediction.GetProperty("text").GetString());
        Assert.Equal(100, read.RootElement.GetProperty("users").GetInt32());
        Assert.Equal(JsonValueKind.Null, read.RootElement.GetProperty("measured").ValueKind);
        Assert.Equal("it is a small app", Stored(lab)?.Why);
    }

    [Fact]
    public async Task Without_the_pages_token_the_prediction_is_refused_and_nothing_is_kept()
    {
        await using var lab = await RunningWebLab.StartAsync();
        using var client = lab.Client();
        await lab.PageTokenAsync(client);

        using var response = await client.SendAsync(Post(Body, token: null, lab.Origin));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery token", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Null(Stored(lab));
    }

    [Fact]
    public async Task From_another_origin_the_prediction_is_refused_even_with_a_token()
    {
        await using var lab = await RunningWebLab.StartAsync();
        using var client = lab.Client();
        var token = await lab.PageTokenAsync(client);

        using var response = await client.SendAsync(Post(Body, token, "http://evil.example"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(Stored(lab));
    }

    [Theory]
    [InlineData("""{"success": "150%", "p95": "200ms", "why": "x"}""", "not between 0% and 100%")]
    [InlineData("""{"success": "95%", "p95": "200", "why": "x"}""", "needs a number and a unit")]
    [InlineData("""{"success": "95%", "p95": "2s", "why": ""}""", "Say why in one sentence")]
    [InlineData("not json", "Send the prediction as JSON")]
    public async Task An_unreadable_prediction_gets_its_reason_as_one_line(string body, string message)
    {
        await using var lab = await RunningWebLab.StartAsync();
        using var client = lab.Client();
        var token = await lab.PageTokenAsync(client);

        using var response = await client.SendAsync(Post(body, token, lab.Origin));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, json.RootElement.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Null(Stored(lab));
    }

    private static Prediction? Stored(RunningWebLab lab)
    {
        using var store = ProgressStore.Open(lab.Paths.ProgressDatabase);
        return store.GetPrediction(RunningWebLab.ScenarioId);
    }

    private static HttpRequestMessage Post(string body, string? token, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Api) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (token is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", token);
        }
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Sec-Fetch-Site", origin.Contains("127.0.0.1", StringComparison.Ordinal) ? "same-origin" : "cross-site");
        return request;
    }
}
