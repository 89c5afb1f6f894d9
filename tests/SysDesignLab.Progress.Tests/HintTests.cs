namespace SysDesignLab.Progress.Tests;

public sealed class HintTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ProgressStore _store;

    public HintTests() => _store = ProgressStore.Open(_temp.Combine("progress.db"));

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Hints_are_revealed_in_order_and_stop_at_the_last()
    {
        var shown = Enumerable.Range(0, 5).Select(_ => _store.RevealNextHint("s1", hintCount: 3)).ToList();

        Assert.Equal([0, 1, 2, 2, 2], shown);
        Assert.Equal(3, _store.Get("s1").HintsShown);
    }

    [Fact]
    public void A_scenario_without_hints_reveals_nothing_and_records_nothing()
    {
        Assert.Null(_store.RevealNextHint("s1", hintCount: 0));
        Assert.Equal(ProgressState.NotStarted, _store.Get("s1").State);
        Assert.Empty(_store.GetAll());
    }

    [Fact]
    public void A_negative_hint_count_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _store.RevealNextHint("s1", -1));
    }

    [Fact]
    public void Hints_are_counted_per_scenario()
    {
        _store.RevealNextHint("s1", 3);
        _store.RevealNextHint("s1", 3);

        Assert.Equal(0, _store.RevealNextHint("s2", 3));
        Assert.Equal(2, _store.Get("s1").HintsShown);
    }

    [Fact]
    public void A_shrunken_hint_list_still_returns_a_valid_index()
    {
        for (var i = 0; i < 4; i++)
        {
            _store.RevealNextHint("s1", 5);
        }

        Assert.Equal(1, _store.RevealNextHint("s1", 2));
        Assert.Equal(2, _store.Get("s1").HintsShown);
    }

    [Fact]
    public void Marking_the_solution_revealed_is_remembered()
    {
        _store.MarkSolutionRevealed("s1");
        _store.MarkSolutionRevealed("s1");

        Assert.True(_store.Get("s1").SolutionRevealed);
        Assert.False(_store.Get("s2").SolutionRevealed);
    }

    [Fact]
    public void Reset_forgets_help_taken_but_keeps_the_attempt_history()
    {
        var attempt = _store.RecordAttempt("s1", passed: true, "{\"ok\":true}");
        _store.RevealNextHint("s1", 3);
        _store.RevealNextHint("s1", 3);
        _store.MarkSolutionRevealed("s1");

        _store.ResetScenario("s1");

        var progress = _store.Get("s1");
        Assert.Equal(0, progress.HintsShown);
        Assert.False(progress.SolutionRevealed);
        Assert.Equal(1, progress.Attempts);
        Assert.True(progress.Passed);
        Assert.Equal([attempt], _store.GetAttempts("s1"));
        Assert.Equal(0, _store.RevealNextHint("s1", 3));
    }

    [Fact]
    public void Reset_leaves_other_scenarios_alone()
    {
        _store.RevealNextHint("s1", 3);
        _store.RevealNextHint("s2", 3);

        _store.ResetScenario("s1");

        Assert.Equal(1, _store.Get("s2").HintsShown);
    }
}
