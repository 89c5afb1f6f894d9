using System.Collections.Concurrent;
using System.Diagnostics;

namespace SysDesignLab.Cli.Tests.Commands;

/// <summary>An sdlab command left running while the test does other things, with its output kept line by line.</summary>
internal sealed class BackgroundCommand : IDisposable
{
    private readonly ConcurrentQueue<string> _lines = new();
    private readonly TaskCompletionSource _seen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _waitFor;

    public BackgroundCommand(SdlabProcess sdlab, string waitFor, params string[] arguments)
    {
        _waitFor = waitFor;
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = sdlab.RepositoryRoot,
        };
        startInfo.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "sdlab.dll"));
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
        startInfo.Environment["SDLAB_ROOT"] = sdlab.RepositoryRoot;
        startInfo.Environment["SDLAB_STATE_DIR"] = sdlab.StateRoot;
        startInfo.Environment["NO_COLOR"] = "1";
        Process = Process.Start(startInfo)!;
        Process.OutputDataReceived += (_, e) => Add(e.Data);
        Process.ErrorDataReceived += (_, e) => Add(e.Data);
        Process.BeginOutputReadLine();
        Process.BeginErrorReadLine();
    }

    public Process Process { get; }
    public string Output => string.Join('\n', _lines);
    public bool Printed(string text) => _lines.Any(l => l.Contains(text, StringComparison.Ordinal));

    /// <summary>Waits for the line given at start; a command that ends first fails the test with its output.</summary>
    public async Task WaitForLineAsync(TimeSpan timeout)
    {
        await Task.WhenAny(_seen.Task, Process.WaitForExitAsync()).WaitAsync(timeout);
        Assert.True(_seen.Task.IsCompleted, $"`{_waitFor}` never came; the command printed:\n{Output}");
    }

    private void Add(string? line)
    {
        _lines.Enqueue(line ?? "");
        if (line is not null && line.Contains(_waitFor, StringComparison.Ordinal))
        {
            _seen.TrySetResult();
        }
    }

    public void Dispose()
    {
        try
        {
            Process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
        }
        Process.Dispose();
    }
}
