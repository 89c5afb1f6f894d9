using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using SysDesignLab.Orchestration;
using SysDesignLab.Orchestration.Processes;
using SysDesignLab.Progress;
using SysDesignLab.Scenarios.Running;
using SysDesignLab.Web.Hosting;

namespace SysDesignLab.Web.Tests.Hosting;

/// <summary>
/// The real web lab (Kestrel on loopback, the same Build as `sdlab web`) over a throwaway copy of
/// scenario 01, so a request that gets through can reset or reveal without touching the repository.
/// </summary>
internal sealed partial class RunningWebLab : IAsyncDisposable
{
    public const string ScenarioId = "01-single-server";

    private readonly WebApplication _app;
    private readonly string _root;

    private RunningWebLab(WebApplication app, string root, LabPaths paths, int port)
    {
        _app = app;
        _root = root;
        Paths = paths;
        Port = port;
    }

    public LabPaths Paths { get; }
    public int Port { get; }
    public string Origin => $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";
    public string AppDirectory => Path.Combine(Paths.ScenariosRoot, ScenarioId, "app");

    public static async Task<RunningWebLab> StartAsync(Func<LabPaths, int, WebApplication>? build = null)
    {
        var root = Directory.CreateTempSubdirectory("sdlab-web-guard-").FullName;
        NaiveSnapshot.CopySources(Path.Combine(SdlabProcess.RepoRoot, "scenarios", ScenarioId), Path.Combine(root, "scenarios", ScenarioId));
        var paths = new LabPaths(root, Path.Combine(root, ".sdlab"));
        Directory.CreateDirectory(paths.StateRoot);
        var port = FreePort.Find();
        var app = (build ?? ((p, n) => WebLabServer.Build(p, n)))(paths, port);
        await app.StartAsync();
        return new RunningWebLab(app, root, paths, port);
    }

    /// <summary>A client that keeps cookies, as a browser tab would.</summary>
    public HttpClient Client() =>
        new(new SocketsHttpHandler { UseProxy = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = new Uri(Origin),
            Timeout = TimeSpan.FromSeconds(30),
        };

    /// <summary>Opens the scenario page in <paramref name="client"/> and returns the token the page carries.</summary>
    public async Task<string> PageTokenAsync(HttpClient client)
    {
        var page = await client.GetStringAsync($"/scenarios/{ScenarioId}");
        var token = CsrfMeta().Match(page);
        Assert.True(token.Success, "the scenario page carries no <meta name=\"csrf-token\">");
        return WebUtility.HtmlDecode(token.Groups[1].Value);
    }

    public ScenarioProgress Progress()
    {
        using var store = ProgressStore.Open(Paths.ProgressDatabase);
        return store.Get(ScenarioId);
    }

    public void RecordAttempt()
    {
        using var store = ProgressStore.Open(Paths.ProgressDatabase);
        store.RecordAttempt(ScenarioId, passed: false, Reports.ReportFixtures.CheckJson(passed: false, rps: 20, p95: 4900));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_root, recursive: true);
    }

    [GeneratedRegex("<meta name=\"csrf-token\" content=\"([^\"]*)\"")]
    private static partial Regex CsrfMeta();
}
