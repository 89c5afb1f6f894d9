using SysDesignLab.Scenarios.Running;
using Xunit.Abstractions;

namespace SysDesignLab.Cli.Tests.Scenarios;

/// <summary>
/// An app that dies under load is reported as a crash (which process, when, exit code, its log),
/// not as a slow app; and the fast "latencies" of requests refused by a dead app do not pass.
/// </summary>
[Trait("Category", "Scenario")]
[Trait("Kind", "Engine")]
[Collection(ScenarioChecksCollection.Name)]
public sealed class CrashReportTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Check_reports_an_app_that_exits_mid_load_as_a_crash()
    {
        using var copy = new RepositoryCopy("01-single-server");
        var app = Path.Combine(copy.ScenarioDirectory, "app");
        // The baseline is the shipped app, snapshotted on first touch as the lab does, before the learner's edit.
        NaiveSnapshot.CopySources(app, Path.Combine(copy.ScenarioDirectory, NaiveSnapshot.FolderName));
        // The learner's fix is right and fast, but the app exits 10 s after its first feed request:
        // the probes come first, then 5 s of warm-up, so it dies a few seconds into the measured load.
        File.Copy(Path.Combine(copy.ScenarioDirectory, "solution", "Program.cs"), Path.Combine(app, "Program.cs"), overwrite: true);
        copy.Edit(Path.Combine("app", "Program.cs"),
            "app.MapGet(\"/feed\", async (int? page) =>\n{",
            """
            long firstFeed = 0;
            app.MapGet("/feed", async (int? page) =>
            {
                var now = Environment.TickCount64;
                Interlocked.CompareExchange(ref firstFeed, now, 0);
                if (now - Interlocked.Read(ref firstFeed) > 10_000)
                {
                    Console.WriteLine("giving up after 10 s of feeds");
                    Environment.Exit(3);
                }
            """);
        using var sdlab = new SdlabProcess(copy.Root);

        var check = await CheckRun.RunAsync(sdlab, "01", "crash");
        output.WriteLine(check.Output);

        Assert.True(check.ExitCode == 1, check.Output);
        var crash = Assert.Single(check.Report.GetProperty("crashes").EnumerateArray());
        Assert.Equal(3, crash.GetProperty("exitCode").GetInt32());
        Assert.True(crash.GetProperty("second").GetInt32() is > 0 and <= 20, check.Json);
        Assert.Contains("giving up after 10 s of feeds", crash.GetProperty("lastLines").EnumerateArray().Select(l => l.GetString()));
        Assert.False(check["Your app kept running"].Passed, check.Output);
        Assert.Contains("stopped at second", check.Output, StringComparison.Ordinal);
        Assert.Contains("with exit code 3", check.Output, StringComparison.Ordinal);
        Assert.Contains("giving up after 10 s of feeds", check.Output, StringComparison.Ordinal);
        // Requests refused by a dead app are fast and read no rows: that must not pass for a good app.
        Assert.False(check["p95 latency"].Passed, check.Output);
        Assert.False(check["Rows the database reads per request"].Passed, check.Output);
        Assert.DoesNotContain("too much work", check.Output, StringComparison.Ordinal);
    }
}
