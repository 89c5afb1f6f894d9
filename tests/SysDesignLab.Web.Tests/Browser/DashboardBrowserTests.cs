using System.Globalization;
using Microsoft.Playwright;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Web.Tests.Browser;

/// <summary>
/// The dashboard in a real browser, on the failure it exists to show: the naive app of 01 under
/// load (nothing succeeds, the app cannot answer its /metrics), then the reference solution.
/// The screenshots are the ones docs/web-lab.md shows.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DashboardBrowserTests
{
    [Fact]
    public async Task Naive_01_under_load_shows_failures_as_failures_keeps_the_run_totals_and_lists_the_database_queries()
    {
        await using var lab = new SdlabProcess();
        await using var session = await DashboardSession.OpenAsync(lab, "01");
        var page = session.Page;
        try
        {
            await page.GotoAsync(session.Url + "scenarios/01-single-server");
            await page.WaitForSelectorAsync("main[data-connected=true]");
            await Assertions.Expect(page.Locator("#tiles a[href='/glossary#p95']")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("1 in 20"));

            await session.RunLoadAsync(seconds: 6);

            // While the app is saturated: the lab sees the database's side, the app's /metrics is silent.
            await page.WaitForFunctionAsync("() => document.querySelectorAll('#diag-queries tbody tr.active').length >= 5", null, new() { Timeout = 60_000 });
            await Assertions.Expect(page.Locator("#diag-summary")).ToContainTextAsync("queries running");
            await Assertions.Expect(page.Locator("#diag-tiles")).ToContainTextAsync("app CPU");
            await session.CaptureAsync("dashboard-01-naive-during-load.png");

            await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Load done", new() { Timeout = 90_000 });
            // Failures are drawn as failures: the failed series carries the load, the successful one next to nothing.
            var ok = await session.NumberAsync("#chart-rps", "data-ok");
            var failed = await session.NumberAsync("#chart-rps", "data-failed");
            Assert.True(failed > 0 && ok < failed / 2, $"succeeded/s summed {ok}, failed/s summed {failed}");
            // The tiles keep the run's totals after it ended, and the status box is red, not green.
            await Assertions.Expect(page.Locator("#tiles")).ToHaveAttributeAsync("data-final", "true");
            await Assertions.Expect(page.Locator("#status")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bfailed\b"));
            await Assertions.Expect(page.Locator("#tile-success")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bbad\b"));
            var requests = await session.NumberAsync("#totals", "data-requests");
            var naiveFailed = await session.NumberAsync("#totals", "data-failed");
            Assert.True(requests > 0 && naiveFailed > requests / 2, "the totals count the failed requests");
            var naiveRate = 100 * (requests - naiveFailed) / requests;
            await Task.Delay(2500);
            Assert.NotEqual("–", await page.TextContentAsync("#t-success"));
            Assert.NotEqual("–", await page.TextContentAsync("#t-p95"));
            Assert.Contains("timeouts", await page.TextContentAsync("#totals") ?? "", StringComparison.Ordinal);
            await session.CaptureAsync("dashboard-01-naive.png");

            // The reference solution: the load succeeds, the box takes the colour of its success rate
            // (green from 99%; a cold app on a busy machine may time out a few requests at first: amber),
            // and the app answers its own /metrics again.
            await session.StartAsync("solution");
            await session.RunLoadAsync(seconds: 6);
            await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Load done", new() { Timeout = 90_000 });
            var solutionOk = await session.NumberAsync("#chart-rps", "data-ok");
            var solutionFailed = await session.NumberAsync("#chart-rps", "data-failed");
            var rate = 100 * await session.NumberAsync("#totals", "data-succeeded") / await session.NumberAsync("#totals", "data-requests");
            // How much of a cold solution's first seconds succeed depends on how busy the machine is;
            // that the chart draws its successes as successes, and more of them than the naive app's, does not.
            Assert.True(solutionOk > 0 && rate > naiveRate, $"solution: succeeded/s summed {solutionOk}, failed/s summed {solutionFailed}, {rate:0.0}% vs the naive {naiveRate:0.0}%");
            var (box, tile) = rate >= 99 ? ("ok", "good") : rate >= 90 ? ("warn", "warn") : ("failed", "bad");
            await Assertions.Expect(page.Locator("#status")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex($@"\b{box}\b"));
            await Assertions.Expect(page.Locator("#tile-success")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex($@"\b{tile}\b"));
            Assert.True(await session.NumberAsync("#chart-server", "data-points") >= 3, "the solution answers its /metrics");
            await session.CaptureAsync("dashboard-01-solution.png");
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "dashboard-failure.png") });
            throw;
        }
        await session.StopAsync();
    }

    [Fact]
    public async Task Scenario_04_naive_and_solution_runs_are_diagnosed_per_process()
    {
        await using var lab = new SdlabProcess();
        await using var session = await DashboardSession.OpenAsync(lab, "04");
        var page = session.Page;
        try
        {
            // A laptop's screen first: the diagnosis panel is below the fold, so the page keeps its samples without drawing them.
            await page.SetViewportSizeAsync(1366, 768);
            await page.GotoAsync(session.Url + "scenarios/04-horizontal-scaling");
            await page.WaitForSelectorAsync("main[data-connected=true]");
            await session.RunLoadAsync(seconds: 6);
            await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Load done", new() { Timeout = 90_000 });
            Assert.True(await session.NumberAsync("#diagnosis", "data-samples") >= 3, "the diagnosis panel was fed during the load");
            var where = await page.EvaluateAsync<string>("() => 'panel top ' + document.querySelector('#diagnosis').getBoundingClientRect().top + ', window ' + innerHeight + ', scrolled ' + scrollY");
            Assert.True(await page.Locator("#diag-tiles > div").CountAsync() == 0, "the off-screen panel drew its tiles: " + where);
            // Scrolled into view, it draws the last second it was sent at once.
            await page.Locator("#diagnosis").ScrollIntoViewIfNeededAsync();
            await Assertions.Expect(page.Locator("#diag-tiles")).ToContainTextAsync("app CPU");
            await page.SetViewportSizeAsync(1366, 1700);
            await Assertions.Expect(page.Locator("#tiles")).ToHaveAttributeAsync("data-final", "true");
            await session.CaptureAsync("dashboard-04-naive.png");

            await session.StartAsync("solution");
            await session.RunLoadAsync(seconds: 6);
            await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Load done", new() { Timeout = 90_000 });
            // Two instances and the load balancer, each with its share of the CPU.
            await Assertions.Expect(page.Locator("#diag-summary")).ToContainTextAsync("app-1 ");
            await Assertions.Expect(page.Locator("#diag-summary")).ToContainTextAsync("app-2 ");
            await session.CaptureAsync("dashboard-04-solution.png");
        }
        catch
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "dashboard-04-failure.png") });
            throw;
        }
        await session.StopAsync();
    }

    /// <summary>A started scenario with the web lab, and a Chromium page tall enough to show the whole dashboard.</summary>
    private sealed class DashboardSession(SdlabProcess lab, string url, IPlaywright playwright, IBrowser browser, IPage page) : IAsyncDisposable
    {
        public string Url => url;
        public IPage Page => page;

        public static async Task<DashboardSession> OpenAsync(SdlabProcess lab, string scenario)
        {
            var port = FreePort.Find();
            var start = await lab.RunAsync("start", scenario, "--port", port.ToString(CultureInfo.InvariantCulture));
            Assert.True(start.ExitCode == 0, start.Output);
            var (playwright, browser) = await Chromium.LaunchAsync();
            var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 1700 } });
            return new DashboardSession(lab, $"http://127.0.0.1:{port}/", playwright, browser, page);
        }

        public async Task RunLoadAsync(int seconds)
        {
            await page.FillAsync("#load-seconds", seconds.ToString(CultureInfo.InvariantCulture));
            await page.FillAsync("#load-users", "100");
            await page.ClickAsync("#btn-load");
        }

        public async Task StartAsync(string variant)
        {
            await page.SelectOptionAsync("#variant", variant);
            await page.ClickAsync("#btn-start");
            await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("is running", new() { Timeout = 180_000 });
        }

        public async Task<double> NumberAsync(string selector, string attribute) =>
            double.Parse(await page.GetAttributeAsync(selector, attribute) ?? "0", CultureInfo.InvariantCulture);

        /// <summary>The controls' status line and the whole dashboard, as the learner sees them.</summary>
        public async Task CaptureAsync(string file)
        {
            var top = await page.Locator("#status").BoundingBoxAsync();
            var bottom = await page.Locator("#dashboard").BoundingBoxAsync();
            Assert.NotNull(top);
            Assert.NotNull(bottom);
            await page.ScreenshotAsync(new PageScreenshotOptions
            {
                Path = Path.Combine(Screenshots.Folder, file),
                Clip = new Clip { X = bottom.X - 4, Y = top.Y - 4, Width = bottom.Width + 8, Height = bottom.Y + bottom.Height - top.Y + 8 },
            });
        }

        public async Task StopAsync()
        {
            var stop = await lab.RunAsync("stop");
            Assert.True(stop.ExitCode == 0, stop.Output);
            Assert.Empty(lab.LabProcesses());
        }

        public async ValueTask DisposeAsync()
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
