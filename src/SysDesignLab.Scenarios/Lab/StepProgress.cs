namespace SysDesignLab.Scenarios.Lab;

/// <summary>
/// A long step while it runs: reported once when it starts (<see cref="Elapsed"/> zero,
/// <see cref="IsStart"/>) and about once a second after. <see cref="Note"/> says something about the
/// step itself ("only the first check"); <see cref="Estimate"/> is null for a plain message.
/// </summary>
public sealed record StepProgress(LabStep? Kind, string Step, string? Note, TimeSpan Elapsed, StepEstimate? Estimate, bool IsStart)
{
    /// <summary>A line of progress that is not a timed step ("Starting PostgreSQL…").</summary>
    public static StepProgress Message(string text) => new(null, text, null, TimeSpan.Zero, null, true);

    /// <summary>The time left by the estimate; null when it is unknown or already passed.</summary>
    public TimeSpan? Remaining => Estimate is { } e && e.Duration > Elapsed ? e.Duration - Elapsed : null;

    /// <summary>"Measuring the naive app once (only the first check; about 1 min, first time: estimated)".</summary>
    public string Headline()
    {
        var parts = new[] { Note, Estimate?.Describe() }.Where(p => !string.IsNullOrEmpty(p)).ToList();
        return parts.Count == 0 ? Step : $"{Step} ({string.Join("; ", parts)})";
    }

    /// <summary>"0:42 elapsed, about 0:23 left" (or "longer than usual" once the estimate has passed).</summary>
    public string Timing()
    {
        var elapsed = $"{StepEstimate.Clock(Elapsed)} elapsed";
        return Estimate is null ? elapsed
            // Rounded up: "0:00 left" would read as done while the step still runs.
            : Remaining is { } left ? $"{elapsed}, about {StepEstimate.Clock(TimeSpan.FromSeconds(Math.Ceiling(left.TotalSeconds)))} left"
            : $"{elapsed}, longer than the usual {StepEstimate.Words(Estimate.Duration)}";
    }
}
