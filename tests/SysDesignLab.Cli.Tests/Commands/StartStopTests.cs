using System.Text.Json;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Cli.Tests.Commands;

[Trait("Category", "Integration")]
public sealed class StartStopTests
{
    [Fact]
    public async Task Start_serves_the_app_on_fresh_data_and_stop_leaves_no_lab_process()
    {
        using var sdlab = new SdlabProcess();
        var start = await sdlab.RunAsync("start", "01", "--no-web");
        Assert.True(start.ExitCode == 0, start.Output);

        using var state = JsonDocument.Parse(File.ReadAllText(Path.Combine(sdlab.StateRoot, "run.json")));
        // run.json lists every process of the run, the entry point (here the app) first.
        var entry = state.RootElement.GetProperty("resources")[0];
        var appUrl = entry.GetProperty("endpoint").GetString()!;
        var appPid = entry.GetProperty("pid").GetInt32();
        Assert.StartsWith("http://127.0.0.1:", appUrl, StringComparison.Ordinal);
        Assert.Contains(appUrl, start.Output, StringComparison.Ordinal);
        // What start prints is ready to use: a URL with no template placeholders, the psql command, the log.
        Assert.Matches(@"\(try http://127\.0\.0\.1:\d+/feed\?page=\d+\)", start.Output);
        Assert.Contains("psql -h 127.0.0.1 -p ", start.Output, StringComparison.Ordinal);
        Assert.Contains("app log", start.Output, StringComparison.Ordinal);

        var status = await sdlab.RunAsync("status");
        Assert.True(status.ExitCode == 0, status.Output);
        Assert.Contains("running", status.Output, StringComparison.Ordinal);
        Assert.Contains("psql -h 127.0.0.1 -p ", status.Output, StringComparison.Ordinal);

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        using var feed = JsonDocument.Parse(await http.GetStringAsync($"{appUrl}/feed?page=1"));
        Assert.Equal(20, feed.RootElement.GetArrayLength());
        Assert.Contains("# TYPE", await http.GetStringAsync($"{appUrl}/metrics"), StringComparison.Ordinal);

        var postmasterPid = int.Parse(File.ReadLines(Path.Combine(sdlab.StateRoot, "postgres", "db", "data", "postmaster.pid")).First());
        Assert.True(BackgroundProcess.IsAlive(postmasterPid));

        var stop = await sdlab.RunAsync("stop");
        Assert.Equal(0, stop.ExitCode);
        Assert.False(BackgroundProcess.IsAlive(appPid), "the app survived sdlab stop");
        Assert.False(BackgroundProcess.IsAlive(postmasterPid), "PostgreSQL survived sdlab stop");
        Assert.Empty(sdlab.LabProcesses());
    }
}
