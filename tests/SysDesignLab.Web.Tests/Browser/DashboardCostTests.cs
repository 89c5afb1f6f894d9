using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using SysDesignLab.Orchestration.Processes;
using Xunit.Abstractions;

namespace SysDesignLab.Web.Tests.Browser;

/// <summary>
/// What an open dashboard costs the load generator: scenario 01's solution loaded through the web
/// lab with no page open, then with the page open (SSE, a /metrics scrape a second, charts
/// drawing in Chromium), alternating so drift hits both alike.
/// </summary>
[Trait("Category", "Measurement")]
public sealed partial class DashboardCostTests(ITestOutputHelper output)
{
    private const int Seconds = 15;

    [MeasureFact]
    public async Task An_open_dashboard_costs_the_generator_at_most_five_percent_of_its_throughput()
    {
        await using var lab = new SdlabProcess();
        var port = FreePort.Find();
        var start = await lab.RunAsync("start", "01", "--solution", "--port", port.ToString(CultureInfo.InvariantCulture));
        Assert.True(start.ExitCode == 0, start.Output);
        var url = $"http://127.0.0.1:{port}";
        // Cookies and the page's token, as the page itself posts: the lab refuses a POST without them.
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false, CookieContainer = new System.Net.CookieContainer() })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var scenarioPage = await http.GetStringAsync("/scenarios/01-single-server");
        http.DefaultRequestHeaders.Add("X-CSRF-TOKEN", System.Net.WebUtility.HtmlDecode(CsrfMeta().Match(scenarioPage).Groups[1].Value));
        var (playwright, browser) = await Chromium.LaunchAsync();
        var without = new List<double>();
        var with = new List<double>();
        var browserCores = new List<double>();
        var idleCores = 0.0;
        try
        {
            // A first run warms the app's and the generator's JIT, pools and PostgreSQL's cache; it is not counted.
            await LoadAsync(http, Seconds);
            // What Chromium costs with the page open and nothing to draw: the floor under the figures below.
            var idle = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
            await idle.GotoAsync(url + "/scenarios/01-single-server");
            await idle.WaitForSelectorAsync("main[data-connected=true]");
            var idleBefore = BrowserCpuSeconds();
            var idleClock = System.Diagnostics.Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(Seconds));
            idleCores = (BrowserCpuSeconds() - idleBefore) / idleClock.Elapsed.TotalSeconds;
            await idle.CloseAsync();
            // A B B A, three times: a drift over time (tiered JIT, caches, a neighbour) hits both sides alike.
            foreach (var dashboard in Enumerable.Repeat(new[] { false, true, true, false }, 3).SelectMany(x => x))
            {
                if (!dashboard)
                {
                    without.Add(await LoadAsync(http, Seconds));
                    continue;
                }
                var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
                await page.GotoAsync(url + "/scenarios/01-single-server");
                await page.WaitForSelectorAsync("main[data-connected=true]");
                // The browser's own CPU during the run, read before the page closes (its renderer ends with it):
                // a figure that a neighbour's load does not blur the way it blurs throughput.
                var cpuBefore = BrowserCpuSeconds();
                var clock = System.Diagnostics.Stopwatch.StartNew();
                with.Add(await LoadAsync(http, Seconds));
                browserCores.Add((BrowserCpuSeconds() - cpuBefore) / clock.Elapsed.TotalSeconds);
                Assert.True(int.Parse(await page.GetAttributeAsync("#chart-server", "data-points") ?? "0", CultureInfo.InvariantCulture) >= Seconds - 2);
                await page.CloseAsync();
            }
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
        // Medians: on a shared 2-core machine one run in a few is hit by a neighbour's build.
        var a = Median(without);
        var b = Median(with);
        output.WriteLine($"no dashboard:   {Join(without)} req/s, median {a:0.0}, mean {without.Average():0.0}");
        output.WriteLine($"dashboard open: {Join(with)} req/s, median {b:0.0}, mean {with.Average():0.0}");
        output.WriteLine($"change of the median: {(b - a) / a * 100:+0.0;-0.0}%");
        output.WriteLine($"Chromium's CPU while the page was open: {string.Join(", ", browserCores.Select(c => (c * 100).ToString("0.0", CultureInfo.InvariantCulture)))}% of one core "
            + $"(mean {browserCores.Average() * 100:0.0}%, {browserCores.Average() / Environment.ProcessorCount * 100:0.0}% of the machine's {Environment.ProcessorCount} cores); "
            + $"the same page open with no run: {idleCores * 100:0.0}% of one core");
        Assert.True(b >= a * 0.95, $"the dashboard cost {(a - b) / a * 100:0.0}% of the throughput");
    }

    /// <summary>CPU time (user + system) of every Chromium process alive now, from /proc.</summary>
    private static double BrowserCpuSeconds()
    {
        var ticks = 0L;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            try
            {
                if (!File.ReadAllText(Path.Combine(dir, "comm")).StartsWith("chrom", StringComparison.Ordinal))
                {
                    continue;
                }
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // A process that ended between listing and reading.
            }
        }
        return ticks / 100.0; // USER_HZ is 100 on Linux.
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string Join(List<double> values) => string.Join(", ", values.Select(v => v.ToString("0.0", CultureInfo.InvariantCulture)));

    private static async Task<double> LoadAsync(HttpClient http, int seconds)
    {
        using var started = await http.PostAsync($"/api/scenarios/01/load?seconds={seconds}", null);
        Assert.Equal(System.Net.HttpStatusCode.Accepted, started.StatusCode);
        while (true)
        {
            await Task.Delay(500);
            var status = await http.GetFromJsonAsync<JsonElement>("/api/status");
            if (status.GetProperty("busy").ValueKind == JsonValueKind.Null)
            {
                var message = status.GetProperty("last").GetProperty("message").GetString()!;
                var match = Rps().Match(message);
                Assert.True(match.Success, message);
                return double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }
        }
    }

    [GeneratedRegex(@"([\d.]+) successful req/s")]
    private static partial Regex Rps();

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]*)\"")]
    private static partial Regex CsrfMeta();
}
