using System.Diagnostics;
using SysDesignLab.Orchestration.Processes;

namespace SysDesignLab.Cli.Tests.Commands;

[Trait("Category", "Integration")]
public sealed class InterruptTests
{
    [Fact]
    public async Task Ctrl_C_during_a_check_stops_everything_it_started()
    {
        using var sdlab = new SdlabProcess();
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = sdlab.RepositoryRoot,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sdlab.dll"));
        startInfo.ArgumentList.Add("check");
        startInfo.ArgumentList.Add("01");
        startInfo.ArgumentList.Add("--solution");
        startInfo.Environment["SDLAB_ROOT"] = sdlab.RepositoryRoot;
        startInfo.Environment["SDLAB_STATE_DIR"] = sdlab.StateRoot;
        startInfo.Environment["NO_COLOR"] = "1";
        using var check = Process.Start(startInfo)!;
        var loadStarted = new TaskCompletionSource();
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        check.OutputDataReceived += (_, e) =>
        {
            output.Enqueue(e.Data ?? "");
            // A live load line means the server, the database and the app are all up.
            if (e.Data is not null && e.Data.Contains("warm-up", StringComparison.Ordinal))
            {
                loadStarted.TrySetResult();
            }
        };
        check.BeginOutputReadLine();
        check.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        check.BeginErrorReadLine();
        // A check that ends before its load (say, a build error) fails here with its output, not after a timeout.
        await Task.WhenAny(loadStarted.Task, check.WaitForExitAsync()).WaitAsync(TimeSpan.FromMinutes(3));
        Assert.True(loadStarted.Task.IsCompleted, "the check ended before its load started:\n" + string.Join('\n', output));
        Assert.NotEmpty(sdlab.LabProcesses());

        await ProcessRunner.RunAsync("kill", ["-INT", check.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        await check.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(45));

        Assert.Equal(130, check.ExitCode);
        Assert.Empty(sdlab.LabProcesses());
    }
}
