namespace SysDesignLab.LoadTesting.Tests;

public sealed class SampleScheduleTests
{
    [Fact]
    public void Whole_seconds_give_one_interval_per_second_with_warm_up_first()
    {
        var boundaries = SampleSchedule.Create(TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3));

        Assert.Equal([1.0, 2, 3, 4, 5], boundaries.Select(b => b.Offset.TotalSeconds));
        Assert.Equal([true, true, false, false, false], boundaries.Select(b => b.WarmUp));
        Assert.Equal([false, false, false, false, true], boundaries.Select(b => b.IsLast));
    }

    [Fact]
    public void An_interval_closes_exactly_where_the_warm_up_ends()
    {
        var boundaries = SampleSchedule.Create(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2));

        Assert.Equal([1.0, 1.5, 2.5, 3.5], boundaries.Select(b => b.Offset.TotalSeconds));
        Assert.Equal([true, true, false, false], boundaries.Select(b => b.WarmUp));
    }

    [Fact]
    public void A_sliver_at_the_end_is_folded_into_the_previous_interval()
    {
        var boundaries = SampleSchedule.Create(TimeSpan.Zero, TimeSpan.FromSeconds(2.05));

        Assert.Equal([1.0, 2.05], boundaries.Select(b => b.Offset.TotalSeconds));
    }

    [Fact]
    public void Run_shorter_than_a_second_has_a_single_interval()
    {
        var boundaries = SampleSchedule.Create(TimeSpan.Zero, TimeSpan.FromMilliseconds(300));

        var only = Assert.Single(boundaries);
        Assert.Equal(TimeSpan.FromMilliseconds(300), only.Offset);
        Assert.True(only.IsLast);
        Assert.False(only.WarmUp);
    }
}
