using System.Diagnostics;

namespace SysDesignLab.LoadTesting.Tests;

public sealed class ArrivalScheduleTests
{
    private static readonly long Frequency = Stopwatch.Frequency;

    [Fact]
    public void Constant_arrivals_are_exactly_one_over_the_rate_apart_from_zero()
    {
        var schedule = new ArrivalSchedule(1000, ArrivalDistribution.Constant, seed: 1, Frequency);

        var offsets = Enumerable.Range(0, 5001).Select(_ => schedule.Next()).ToArray();

        Assert.Equal(0, offsets[0]);
        Assert.Equal(Frequency / 1000, offsets[1]);
        // Computed from the index, so 5000 arrivals end at exactly 5 s: no accumulated rounding.
        Assert.Equal(5 * Frequency, offsets[5000]);
    }

    [Fact]
    public void Poisson_arrivals_replay_for_the_same_seed_and_differ_for_another()
    {
        static long[] Draw(int seed)
        {
            var schedule = new ArrivalSchedule(500, ArrivalDistribution.Poisson, seed, Frequency);
            return [.. Enumerable.Range(0, 100).Select(_ => schedule.Next())];
        }

        Assert.Equal(Draw(7), Draw(7));
        Assert.NotEqual(Draw(7), Draw(8));
    }

    [Fact]
    public void Poisson_gaps_average_one_over_the_rate_and_vary_like_an_exponential()
    {
        var schedule = new ArrivalSchedule(1000, ArrivalDistribution.Poisson, seed: 42, Frequency);
        var offsets = Enumerable.Range(0, 20_001).Select(_ => (double)schedule.Next() / Frequency).ToArray();
        var gaps = offsets.Zip(offsets.Skip(1), (a, b) => b - a).ToArray();

        var mean = gaps.Average();
        var sd = Math.Sqrt(gaps.Select(g => (g - mean) * (g - mean)).Average());
        Assert.InRange(mean, 0.00097, 0.00103);
        // An exponential's standard deviation equals its mean; a constant schedule's would be 0.
        Assert.InRange(sd / mean, 0.95, 1.05);
        Assert.All(gaps, g => Assert.True(g >= 0));
    }

    [Fact]
    public void Counting_unsent_arrivals_counts_those_due_by_the_offset_after_the_ones_handed_out()
    {
        var schedule = new ArrivalSchedule(100, ArrivalDistribution.Constant, seed: 1, Frequency);
        for (var i = 0; i < 10; i++)
        {
            schedule.Next();
        }

        // Handed out: 0..90 ms. Due by 1 s and not handed out: 100, 110, …, 1000 ms.
        Assert.Equal(91, schedule.CountUnsentDueBy(Frequency));
    }

    [Fact]
    public void Rate_must_be_positive() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ArrivalSchedule(0, ArrivalDistribution.Constant, 1, Frequency));

    [Fact]
    public void Skipping_constant_arrivals_drops_those_due_before_the_offset_and_resumes_on_schedule()
    {
        var schedule = new ArrivalSchedule(1000, ArrivalDistribution.Constant, seed: 1, Frequency);
        schedule.Next();
        schedule.Next();
        schedule.Next();

        var skipped = schedule.SkipUntil(Frequency * 105 / 10_000);

        Assert.Equal(8, skipped);
        Assert.Equal(11 * Frequency / 1000, schedule.Next());
        Assert.Equal(0, schedule.SkipUntil(Frequency / 1000));
    }

    [Fact]
    public void Skipping_poisson_arrivals_drops_exactly_those_the_same_seed_would_have_handed_out_before_the_offset()
    {
        var skipping = new ArrivalSchedule(500, ArrivalDistribution.Poisson, seed: 7, Frequency);
        var reference = new ArrivalSchedule(500, ArrivalDistribution.Poisson, seed: 7, Frequency);
        var offset = Frequency / 2;

        var skipped = skipping.SkipUntil(offset);
        long dueBefore = 0;
        long next;
        while ((next = reference.Next()) < offset)
        {
            dueBefore++;
        }

        Assert.InRange(skipped, 200, 300);
        Assert.Equal(dueBefore, skipped);
        Assert.Equal(next, skipping.Next());
    }
}
