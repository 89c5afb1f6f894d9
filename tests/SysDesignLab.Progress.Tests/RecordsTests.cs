namespace SysDesignLab.Progress.Tests;

/// <summary>Step timings (for the estimates) and predictions (predict, then run).</summary>
public sealed class RecordsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly ProgressStore _store;

    public RecordsTests() => _store = ProgressStore.Open(_temp.Combine("progress.db"), _clock);

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public void Step_times_come_back_newest_first_per_scenario_and_step_up_to_the_count()
    {
        foreach (var seconds in new[] { 10, 20, 30, 40 })
        {
            _store.RecordStepTime("s1", "measure", TimeSpan.FromSeconds(seconds));
        }
        _store.RecordStepTime("s1", "build", TimeSpan.FromSeconds(99));
        _store.RecordStepTime("s2", "measure", TimeSpan.FromSeconds(99));

        var times = _store.GetStepTimes("s1", "measure", 3);

        Assert.Equal([40, 30, 20], times.Select(t => t.Duration.TotalSeconds));
        Assert.Empty(_store.GetStepTimes("s3", "measure", 3));
    }

    [Fact]
    public void The_latest_prediction_counts_and_earlier_ones_are_kept_with_their_time()
    {
        var first = _store.RecordPrediction("s1", 0.95, 200, "small app");
        _clock.Advance(TimeSpan.FromMinutes(5));
        var second = _store.RecordPrediction("s1", 0.5, 2000, "the query reads everything");

        Assert.Equal(second, _store.GetPrediction("s1"));
        Assert.Equal([first, second], _store.GetPredictions("s1"));
        Assert.Equal(_clock.GetUtcNow(), second.At);
        Assert.Null(_store.GetPrediction("s2"));
    }

    [Theory]
    [InlineData(1.5, 200)]
    [InlineData(-0.1, 200)]
    [InlineData(0.5, 0)]
    [InlineData(double.NaN, 200)]
    public void A_prediction_out_of_range_is_rejected_and_nothing_is_kept(double success, double p95)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => _store.RecordPrediction("s1", success, p95, "why"));
        Assert.Null(_store.GetPrediction("s1"));
    }
}
