using System.Diagnostics;
using System.Globalization;

namespace SysDesignLab.Progress.Tests;

public sealed class DurabilityTests : IDisposable
{
    private const int Rounds = 3;
    private const int AttemptsBeforeKill = 60;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task A_writer_killed_mid_run_leaves_only_whole_attempts_with_consecutive_ids()
    {
        var path = _temp.Combine("progress.db");
        var everReported = 0L;

        // Several rounds on the same file, so later writers also start from a file left by a kill.
        for (var round = 0; round < Rounds; round++)
        {
            everReported = Math.Max(everReported, await RunWriterAndKillItAsync(path));

            using var store = ProgressStore.Open(path);
            var attempts = store.GetAttempts(ChildProcessEntryPoint.ScenarioId);

            Assert.True(attempts.Count >= everReported,
                $"round {round}: the writer reported attempt {everReported} committed but only {attempts.Count} survived");
            for (var i = 0; i < attempts.Count; i++)
            {
                var sequence = i + 1L;
                var attempt = attempts[i];
                Assert.Equal(sequence, attempt.Id);
                Assert.Equal(ChildProcessEntryPoint.PassedFor(sequence), attempt.Passed);
                Assert.Equal(ChildProcessEntryPoint.PayloadFor(sequence), attempt.ResultJson);
            }
            Assert.Equal(attempts.Count, store.Get(ChildProcessEntryPoint.ScenarioId).Attempts);
        }
    }

    /// <summary>Starts a child writer, waits until it has committed a batch, kills it, returns the last id it reported.</summary>
    private static async Task<long> RunWriterAndKillItAsync(string databasePath)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["exec", typeof(ChildProcessEntryPoint).Assembly.Location,
                     ChildProcessEntryPoint.WriteAttemptsCommand, databasePath])
        {
            start.ArgumentList.Add(argument);
        }

        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start the writer");
        var errors = child.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var lastReported = 0L;
        try
        {
            for (var seen = 0; seen < AttemptsBeforeKill; seen++)
            {
                var line = await child.StandardOutput.ReadLineAsync(timeout.Token)
                    ?? throw new InvalidOperationException($"the writer exited early: {await errors}");
                lastReported = long.Parse(line, CultureInfo.InvariantCulture);
            }
        }
        finally
        {
            // Killed while it is still writing, so the kill lands at an arbitrary point of a transaction.
            child.Kill(entireProcessTree: true);
            await child.WaitForExitAsync(CancellationToken.None);
        }
        return lastReported;
    }

    // The SDK points DOTNET_HOST_PATH at the muxer that is running the tests; fall back to PATH.
    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }
        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
