namespace SysDesignLab.Progress.Tests;

/// <summary>A clock the test moves by hand, so timestamps can be asserted exactly.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
