using System.Globalization;
using System.Net;
using System.Text.Json;
using SysDesignLab.Scenarios;
using SysDesignLab.Scenarios.Running;
using SysDesignLab.Web.Hosting;

namespace SysDesignLab.Web.Tests.Hosting;

/// <summary>
/// The web lab obeys only its own page: raw HTTP against a running lab, as a foreign page, a
/// DNS-rebound page or curl would send it.
/// </summary>
public sealed class RequestGuardTests
{
    private const string Api = "/api/scenarios/" + RunningWebLab.ScenarioId;

    [Fact]
    public async Task Post_from_a_foreign_origin_is_refused_and_changes_nothing()
    {
        await using var lab = await RunningWebLab.StartAsync();
        await NaiveSnapshot.EnsureAsync(new ScenarioCatalog(lab.Paths.ScenariosRoot).Find(RunningWebLab.ScenarioId), CancellationToken.None);
        var program = Path.Combine(lab.AppDirectory, "Program.cs");
        File.AppendAllText(program, "\n// the learner's fix\n");
        var before = File.ReadAllText(program);
        using var client = lab.Client();
        // Even a page that somehow held a valid token is refused from another origin.
        var token = await lab.PageTokenAsync(client);

        using var response = await client.SendAsync(Post($"{Api}/reset", token, origin: "http://evil.example"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("http://evil.example", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await AssertNoJobRanAsync(client);
        Assert.Equal(before, File.ReadAllText(program));
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1.evil.example:{port}")]
    [InlineData("localhost:1")]
    public async Task Get_with_a_foreign_host_is_refused_and_says_how_to_allow_one(string host)
    {
        await using var lab = await RunningWebLab.StartAsync();
        using var client = lab.Client();
        host = host.Replace("{port}", lab.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Host = host;

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains($"'{host}'", text, StringComparison.Ordinal);
        Assert.Contains("SDLAB_WEB_ALLOWED_HOSTS", text, StringComparison.Ordinal);
        Assert.Contains("--allow-host", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<html", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_start_with_a_foreign_host_is_refused_and_starts_nothing()
    {
        await using var lab = await RunningWebLab.StartAsync();
        using var client = lab.Client();
        var token = await lab.PageTokenAsync(client);
        using var request = Post($"{Api}/start", token);
        request.Headers.Host = $"evil.example:{lab.Port}";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNoJobRanAsync(client);
    }

    [Theory]
    [InlineData("cross-site")]
    [InlineData("same-site")]
    public async Task Post_marked_by_the_browser_as_from_another_site_is_refused(string fetchSite)
    {
        await using var lab = await RunningWebLab.StartAsync();
        using var client = lab.Client();
        var token = await lab.PageTokenAsync(client);

        using var response = await client.SendAsync(Post($"{Api}/hint", token, fetchSite: fetchSite));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains(fetchSite, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, lab.Progress().HintsShown);
    }

    [Theory]
    [InlineData(false, null)]
    [InlineData(true, null)]
    [InlineData(true, "not-a-token")]
    public async Task Post_without_a_valid_antiforgery_token_is_refused_and_the_solution_stays_hidden(bool openedThePage, string? token)
    {
        await using var lab = await RunningWebLab.StartAsync();
        lab.RecordAttempt();
        using var client = lab.Client();
        if (openedThePage)
        {
            await lab.PageTokenAsync(client);
        }

        using var response = await client.SendAsync(Post($"{Api}/solution", token));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("reload the page", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(lab.Progress().SolutionRevealed);
    }

    [Fact]
    public async Task Same_origin_post_with_the_token_from_the_page_succeeds()
    {
        await using var lab = await RunningWebLab.StartAsync();
        lab.RecordAttempt();
        using var client = lab.Client();
        var token = await lab.PageTokenAsync(client);

        // As Chromium sends a fetch from the page, and as curl would with the page's cookie and token.
        using var hint = await client.SendAsync(Post($"{Api}/hint", token, origin: lab.Origin, fetchSite: "same-origin"));
        using var solution = await client.SendAsync(Post($"{Api}/solution", token));

        Assert.Equal(HttpStatusCode.OK, hint.StatusCode);
        Assert.Equal(HttpStatusCode.OK, solution.StatusCode);
        Assert.Contains("reference fix", await solution.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, lab.Progress().HintsShown);
        Assert.True(lab.Progress().SolutionRevealed);
    }

    [Theory]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("localhost:{port}")]
    [InlineData("[::1]:{port}")]
    public async Task Pages_and_the_live_stream_answer_on_each_loopback_name_of_the_labs_port(string host)
    {
        await using var lab = await RunningWebLab.StartAsync();
        using var client = lab.Client();
        host = host.Replace("{port}", lab.Port.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = host } };
        using var pageResponse = await client.SendAsync(page);
        using var events = new HttpRequestMessage(HttpMethod.Get, "/api/events") { Headers = { Host = host } };
        using var eventsResponse = await client.SendAsync(events, HttpCompletionOption.ResponseHeadersRead);
        using var stream = new StreamReader(await eventsResponse.Content.ReadAsStreamAsync());

        Assert.Equal(HttpStatusCode.OK, pageResponse.StatusCode);
        Assert.Equal("text/event-stream", eventsResponse.Content.Headers.ContentType?.MediaType);
        Assert.Equal("event: hello", await stream.ReadLineAsync());
    }

    [Fact]
    public async Task A_configured_host_is_served_and_its_https_page_may_change_state()
    {
        await using var lab = await RunningWebLab.StartAsync((paths, port) => WebLabServer.Build(paths, port, allowedHosts: ["*.app.github.dev"]));
        using var client = lab.Client();
        var token = await lab.PageTokenAsync(client);
        const string forward = "fluffy-robot-5400.app.github.dev";

        using var page = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = forward } });
        using var bare = await client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/") { Headers = { Host = "app.github.dev" } });
        using var hint = Post($"{Api}/hint", token, origin: $"https://{forward}", fetchSite: "same-origin");
        hint.Headers.Host = forward;
        using var hinted = await client.SendAsync(hint);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bare.StatusCode);
        Assert.Equal(HttpStatusCode.OK, hinted.StatusCode);
        Assert.Equal(1, lab.Progress().HintsShown);
    }

    private static HttpRequestMessage Post(string path, string? token = null, string? origin = null, string? fetchSite = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path);
        if (token is not null)
        {
            request.Headers.Add("X-CSRF-TOKEN", token);
        }
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }
        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }
        return request;
    }

    private static async Task AssertNoJobRanAsync(HttpClient client)
    {
        using var status = JsonDocument.Parse(await client.GetStringAsync("/api/status"));
        Assert.Equal(JsonValueKind.Null, status.RootElement.GetProperty("busy").ValueKind);
        Assert.Equal(JsonValueKind.Null, status.RootElement.GetProperty("last").ValueKind);
    }
}
