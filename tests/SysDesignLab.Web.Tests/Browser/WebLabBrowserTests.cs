using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Web.Tests.Browser;

[Trait("Category", "Integration")]
public sealed class WebLabBrowserTests
{
    private const float Long = 300_000;

    [Fact]
    public async Task A_learner_starts_loads_and_checks_scenario_01_from_the_browser_and_stop_leaves_no_process()
    {
        await using var lab = new SdlabProcess();
        var port = FreePort.Find();
        var start = await lab.RunAsync("start", "01", "--port", port.ToString(CultureInfo.InvariantCulture));
        Assert.True(start.ExitCode == 0, start.Output);
        var url = $"http://127.0.0.1:{port}/";
        Assert.Contains(url, start.Output, StringComparison.Ordinal);
        var webPid = JsonDocument.Parse(File.ReadAllText(Path.Combine(lab.StateRoot, "web.json"))).RootElement.GetProperty("pid").GetInt32();

        var (playwright, browser) = await Chromium.LaunchAsync();
        IPage? page = null;
        try
        {
            page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });

            // Catalog: tiers, the scenario's concepts and its progress.
            await page.GotoAsync(url);
            await Assertions.Expect(page.Locator("section.tier[data-tier=crawling] article.card[data-scenario='01-single-server']")).ToContainTextAsync("not started");
            await Assertions.Expect(page.Locator("section.tier")).ToHaveCountAsync(4);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "catalog.png") });

            // Scenario page: the guide with its diagram drawn, the environment from `sdlab start`.
            await page.ClickAsync("article.card[data-scenario='01-single-server'] h3 a");
            await page.WaitForURLAsync("**/scenarios/01-single-server");
            await Assertions.Expect(page.Locator("#guide .mermaid svg").First).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Assertions.Expect(page.Locator("#btn-solution")).ToBeDisabledAsync();
            await Assertions.Expect(page.Locator("#reveal-reason")).ToContainTextAsync("first check");
            await page.WaitForSelectorAsync("main[data-connected=true]");

            // Start the reference solution from the page (restarts on fresh data): it answers its
            // /metrics under load, so both client and server charts move. The naive app, at any
            // load, is too busy to answer within the second.
            await page.SelectOptionAsync("#variant", "solution");
            await page.ClickAsync("#btn-start");
            await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("is running", new() { Timeout = 120_000 });
            await Assertions.Expect(page.Locator("#environment table.env")).ToHaveAttributeAsync("data-running", "true");

            // A short load: the charts receive a point a second, client and server side.
            await page.FillAsync("#load-seconds", "6");
            await page.ClickAsync("#btn-load");
            await page.WaitForFunctionAsync("() => +document.querySelector('#chart-rps').dataset.points >= 4 && +document.querySelector('#chart-server').dataset.points >= 3", null, new() { Timeout = 60_000 });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "scenario-during-load.png") });
            await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("Load done", new() { Timeout = 60_000 });

            // A check of the learner's (naive) app: only that makes an attempt, which unlocks the solution.
            await page.SelectOptionAsync("#variant", "learner");
            await page.ClickAsync("#btn-check");
            await Assertions.Expect(page.Locator("#status")).ToContainTextAsync("FAILED", new() { Timeout = Long });
            await Assertions.Expect(page.Locator("#verdicts tbody tr.fail").First).ToBeVisibleAsync();
            await Assertions.Expect(page.Locator("#attempts-table tbody tr")).ToHaveCountAsync(1);
            await Assertions.Expect(page.Locator("#btn-solution")).ToBeEnabledAsync();
            await page.ClickAsync("#btn-solution");
            await Assertions.Expect(page.Locator("#help")).ToContainTextAsync("reference fix");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "scenario-after-check.png") });

            // The shareable report.
            await page.GotoAsync(url + "scenarios/01-single-server/report");
            await Assertions.Expect(page.Locator("#verdicts")).ToBeVisibleAsync();
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "report.png"), FullPage = true });

            await page.GotoAsync(url);
            await Assertions.Expect(page.Locator("article.card[data-scenario='01-single-server']")).ToContainTextAsync("attempted (1)");
        }
        catch when (page is not null)
        {
            // What the page showed when it failed is the quickest way to see why.
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Screenshots.Folder, "failure.png") });
            throw;
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }

        var report = await lab.RunAsync("report", "01");
        Assert.True(report.ExitCode == 0, report.Output);
        Assert.Contains("<svg", File.ReadAllText(Path.Combine(lab.StateRoot, "reports", "01-single-server.html")), StringComparison.Ordinal);

        var stop = await lab.RunAsync("stop");
        Assert.True(stop.ExitCode == 0, stop.Output);
        Assert.False(BackgroundProcess.IsAlive(webPid), "the web lab survived sdlab stop");
        Assert.Empty(lab.LabProcesses());
    }
}
