namespace SysDesignLab.Progress.Tests;

public sealed class ProgressStateTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ProgressStore _store;

    public ProgressStateTests() => _store = ProgressStore.Open(_temp.Combine("progress.db"));

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void A_scenario_moves_from_not_started_through_attempted_to_passed_and_stays_passed()
    {
        Assert.Equal(ProgressState.NotStarted, _store.Get("s1").State);

        _store.RecordAttempt("s1", passed: false, "{}");
        Assert.Equal(ProgressState.Attempted, _store.Get("s1").State);

        _store.RecordAttempt("s1", passed: true, "{}");
        Assert.Equal(ProgressState.Passed, _store.Get("s1").State);

        _store.RecordAttempt("s1", passed: false, "{}");
        _store.ResetScenario("s1");
        Assert.Equal(ProgressState.Passed, _store.Get("s1").State);
    }

    [Fact]
    public void Taking_a_hint_counts_as_started_until_the_scenario_is_reset()
    {
        _store.RevealNextHint("s1", 2);
        Assert.Equal(ProgressState.Attempted, _store.Get("s1").State);

        _store.ResetScenario("s1");
        Assert.Equal(ProgressState.NotStarted, _store.Get("s1").State);
    }

    [Theory]
    [InlineData(0, false, 0, false, ProgressState.NotStarted)]
    [InlineData(0, false, 1, false, ProgressState.Attempted)]
    [InlineData(0, false, 0, true, ProgressState.Attempted)]
    [InlineData(2, false, 0, false, ProgressState.Attempted)]
    [InlineData(2, true, 3, true, ProgressState.Passed)]
    public void State_is_derived_from_attempts_hints_and_solution(
        int attempts, bool passed, int hints, bool solution, ProgressState expected)
    {
        var progress = new ScenarioProgress("s1", attempts, passed, null, null, hints, solution);

        Assert.Equal(expected, progress.State);
    }
}
