using SysDesignLab.Progress;
using SysDesignLab.Scenarios.Checks;
using SysDesignLab.Scenarios.Running;

namespace SysDesignLab.Scenarios.Lab;

/// <summary>The running app a load goes to: its run, its address, and its /metrics page when the scenario's app has one.</summary>
public sealed record LoadTarget(Scenario Scenario, RunState Run, Uri App, Uri? Metrics);

/// <summary>What a check found, and the attempt it recorded (null when it checked another app than the learner's).</summary>
public sealed record CheckOutcome(CheckReport Report, Attempt? Attempt)
{
    public bool Recorded => Attempt is not null;
}

/// <summary>The hint shown now (1-based <paramref name="Number"/> of <paramref name="Count"/>) and every hint revealed so far, in order.</summary>
public sealed record RevealedHint(int Number, int Count, string Text, IReadOnlyList<string> Revealed)
{
    /// <summary>No hint is left after this one; asking again shows it again.</summary>
    public bool IsLast => Number == Count;
}

/// <summary>
/// The reference solution, or the refusal to show it: <paramref name="Unlocked"/> false means the
/// learner has not tried yet and nothing was revealed; <paramref name="Diff"/> is then null.
/// </summary>
public sealed record SolutionOutcome(bool Unlocked, string? Diff)
{
    public static SolutionOutcome Locked { get; } = new(false, null);
}
