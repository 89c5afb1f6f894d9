namespace SysDesignLab.LoadTesting.Tests;

public sealed class CpuMeterTests
{
    [Fact]
    public void Percent_is_cpu_time_over_wall_time_over_cores()
    {
        var oneCoreFull = CpuMeter.Percent(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));

        Assert.Equal(Math.Round(100.0 / Environment.ProcessorCount, 1), oneCoreFull);
        Assert.Equal(0, CpuMeter.Percent(TimeSpan.FromSeconds(1), TimeSpan.Zero));
    }

    [Fact]
    public void Busy_thread_shows_up_in_the_sample()
    {
        var meter = new CpuMeter(TimeProvider.System);
        var until = Environment.TickCount64 + 200;
        var spins = 0L;
        while (Environment.TickCount64 < until)
        {
            spins++;
        }

        Assert.True(spins > 0);
        Assert.InRange(meter.Sample(), 1, 100);
    }

    [Theory]
    [InlineData(85, false)]
    [InlineData(85.1, true)]
    public void Warning_starts_above_85_percent(double percent, bool warns)
    {
        var sample = new LoadSample(1, false, 0, 0, 0, 0, 0, 0, 0, ErrorCounts.None) { CpuPercent = percent };

        Assert.Equal(warns, sample.CpuWarning);
    }
}
