namespace SysDesignLab.Progress.Tests;

public sealed class BaselineTests : IDisposable
{
    private static readonly DateTimeOffset MeasuredAt = new(2025, 5, 2, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();
    private readonly ProgressStore _store;

    public BaselineTests() => _store = ProgressStore.Open(_temp.Combine("progress.db"));

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void A_saved_baseline_is_found_by_scenario_and_source_hash()
    {
        var baseline = new Baseline("s1", "abc123", 812.25, 950.5, 41.125, 0.9875, MeasuredAt);

        _store.SaveBaseline(baseline);

        Assert.Equal(baseline, _store.GetBaseline("s1", "abc123"));
        Assert.Null(_store.GetBaseline("s1", "other-hash"));
        Assert.Null(_store.GetBaseline("s2", "abc123"));
    }

    [Fact]
    public void Saving_again_for_the_same_source_replaces_the_figures()
    {
        _store.SaveBaseline(new Baseline("s1", "abc123", 1, 2, 3, 0.5, MeasuredAt));
        var remeasured = new Baseline("s1", "abc123", 10, 20, 30, 1, MeasuredAt.AddDays(1));

        _store.SaveBaseline(remeasured);

        Assert.Equal(remeasured, _store.GetBaseline("s1", "abc123"));
    }

    [Fact]
    public void Baselines_for_different_sources_are_kept_side_by_side()
    {
        var old = new Baseline("s1", "old", 1, 2, 3, 0.5, MeasuredAt);
        var current = new Baseline("s1", "new", 4, 5, 6, 0.75, MeasuredAt);

        _store.SaveBaseline(old);
        _store.SaveBaseline(current);

        Assert.Equal(old, _store.GetBaseline("s1", "old"));
        Assert.Equal(current, _store.GetBaseline("s1", "new"));
    }

    [Fact]
    public void A_baseline_with_a_non_finite_figure_is_rejected()
    {
        var broken = new Baseline("s1", "abc123", double.NaN, 2, 3, 0.5, MeasuredAt);

        Assert.Throws<ArgumentOutOfRangeException>(() => _store.SaveBaseline(broken));
        Assert.Null(_store.GetBaseline("s1", "abc123"));
    }

    [Fact]
    public void A_full_baseline_keeps_every_figure_through_the_store()
    {
        var baseline = new Baseline("s1", "abc123", 1.5, 20.25, 5004.5, 0.0375, MeasuredAt)
        {
            Requests = 400,
            FailedRequests = 385,
            P50Ms = 5001.25,
            P99Ms = 5009.75,
            MaxMs = 5020,
            Errors = new BaselineErrors(1, 380, 2, 0, 0, 1, 1),
        };

        _store.SaveBaseline(baseline);

        var stored = _store.GetBaseline("s1", "abc123");
        Assert.Equal(baseline, stored);
        Assert.True(stored!.IsComplete);
        Assert.Equal(385, stored.Errors!.Total);
        Assert.Equal([baseline], _store.GetBaselines("s1"));
    }
}
