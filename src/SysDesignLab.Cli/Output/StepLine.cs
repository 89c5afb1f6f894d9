using System.Globalization;
using SysDesignLab.LoadTesting;
using SysDesignLab.Scenarios.Lab;

namespace SysDesignLab.Cli.Output;

/// <summary>
/// Shows the long steps of a command: each step's headline with its estimate ("› Measuring the naive
/// app once (only the first check; about 1 min, first time: estimated)"), then, in a terminal, one
/// line redrawn in place with the time elapsed and left and the load's latest second; when piped or
/// in CI, plain lines only (the caller prints each second of load as a line).
/// </summary>
public sealed class StepLine(bool live) : IProgress<StepProgress>, IDisposable
{
    private readonly Lock _gate = new();
    private StepProgress? _step;
    private string? _sample;
    private bool _drawn;

    /// <summary>Redraws in place only where the load panel would: an interactive terminal outside CI.</summary>
    public static bool LiveHere => LoadView.UseLiveHere;

    public bool IsLive => live;

    public void Report(StepProgress value)
    {
        lock (_gate)
        {
            if (value.Kind is null)
            {
                Write(() => Ui.Step(value.Step));
            }
            else if (value.IsStart)
            {
                Write(() =>
                {
                    Finished();
                    Ui.Step(value.Headline());
                });
                _step = value;
                _sample = null;
                Redraw();
            }
            else
            {
                _step = value;
                Redraw();
            }
        }
    }

    /// <summary>A second of load, shown on the live line.</summary>
    public void Sample(string label, LoadSample sample)
    {
        lock (_gate)
        {
            _sample = Describe(label, sample);
            Redraw();
        }
    }

    /// <summary>Prints something else (a fault, a line of load) without the live line in its way.</summary>
    public void Write(Action write)
    {
        lock (_gate)
        {
            Clear();
            write();
            Redraw();
        }
    }

    /// <summary>The command's steps are over: the last one says how long it took.</summary>
    public void Complete() => Write(Finished);

    public void Dispose()
    {
        lock (_gate)
        {
            Clear();
            _step = null;
        }
    }

    /// <summary>"load 12 s: 850 ok req/s, 100.0% success, p95 120 ms" (or "waiting for responses").</summary>
    public static string Describe(string label, LoadSample s)
    {
        var when = $"{label} {s.Second} s{(s.WarmUp ? " (warm-up)" : "")}";
        if (s.Requests == 0)
        {
            return $"{when}: no response yet, every user is waiting";
        }
        var p95 = s.P95Ms >= 1000 ? $"{s.P95Ms / 1000:0.00} s" : $"{s.P95Ms:0} ms";
        return string.Create(CultureInfo.InvariantCulture,
            $"{when}: {s.Rps * s.SuccessRate:0} ok req/s, {s.SuccessRate * 100:0.0}% success, p95 {p95}");
    }

    // The step that just ended gets one line saying how long it took, beside its estimate.
    private void Finished()
    {
        if (_step is { Kind: not null } done && done.Elapsed > TimeSpan.Zero)
        {
            Ui.Info($"  took {StepEstimate.Clock(done.Elapsed)}{(done.Estimate is { } e ? $" (estimate: {StepEstimate.Words(e.Duration)})" : "")}");
        }
        _step = null;
    }

    private void Redraw()
    {
        if (!live || _step is null)
        {
            return;
        }
        var text = "  " + _step.Timing() + (_sample is null ? "" : " · " + _sample);
        // Spectre's width falls back to 80 where the terminal does not say (a pty without a size).
        var width = Math.Max(40, Spectre.Console.AnsiConsole.Profile.Width) - 1;
        Console.Out.Write("\r\u001b[2K" + (text.Length > width ? text[..width] : text));
        Console.Out.Flush();
        _drawn = true;
    }

    private void Clear()
    {
        if (_drawn)
        {
            Console.Out.Write("\r\u001b[2K");
            _drawn = false;
        }
    }
}
