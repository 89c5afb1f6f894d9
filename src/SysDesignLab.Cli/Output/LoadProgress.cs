using SysDesignLab.LoadTesting;

namespace SysDesignLab.Cli.Output;

/// <summary>What the live view knows of a run so far: the last sample and the totals of the measured part.</summary>
public sealed class LoadProgress(TimeSpan warmUp, TimeSpan duration, bool openModel)
{
    private double measuredSeconds;

    public LoadSample? Last { get; private set; }
    public bool OpenModel { get; } = openModel;
    public TimeSpan Total { get; } = warmUp + duration;
    public long Requests { get; private set; }
    public long Succeeded { get; private set; }
    public long LateStarts { get; private set; }
    public ErrorCounts Errors { get; private set; } = ErrorCounts.None;

    /// <summary>Samples are one per second, so the last one's index is the elapsed time.</summary>
    public TimeSpan Elapsed => TimeSpan.FromSeconds(Last?.Second ?? 0);

    public double Fraction => Total > TimeSpan.Zero ? Math.Clamp(Elapsed / Total, 0, 1) : 0;

    public bool WarmingUp => Last is null || Last.WarmUp;

    public double Rps => measuredSeconds > 0 ? Requests / measuredSeconds : 0;

    /// <summary>Successful requests per second: the throughput. A timed-out request is not.</summary>
    public double Goodput => measuredSeconds > 0 ? Succeeded / measuredSeconds : 0;

    /// <summary>Failed requests per second, timeouts included.</summary>
    public double FailedRps => measuredSeconds > 0 ? (Requests - Succeeded) / measuredSeconds : 0;

    public double SuccessRate => Requests > 0 ? (double)Succeeded / Requests : 0;

    public void Add(LoadSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        Last = sample;
        if (sample.WarmUp)
        {
            return;
        }

        Requests += sample.Requests;
        Succeeded += sample.Succeeded;
        LateStarts += sample.LateStarts;
        Errors += sample.Errors;
        // The interval's own length (requests / rate); an empty interval is taken as the nominal second.
        measuredSeconds += sample.Rps > 0 ? sample.Requests / sample.Rps : 1;
    }
}
