namespace SysDesignLab.LoadTesting;

/// <summary>
/// The generator's own CPU use: process CPU time over wall time over cores, in percent. Above
/// <see cref="SuspectPercent"/> the generator itself may be the bottleneck, so its numbers are suspect.
/// </summary>
internal sealed class CpuMeter
{
    public const double SuspectPercent = 85;

    private readonly TimeProvider time;
    private TimeSpan lastCpu;
    private long lastWall;

    public CpuMeter(TimeProvider time)
    {
        this.time = time;
        lastCpu = Environment.CpuUsage.TotalTime;
        lastWall = time.GetTimestamp();
    }

    /// <summary>Percent of all cores used since the previous call (or construction).</summary>
    public double Sample()
    {
        var cpu = Environment.CpuUsage.TotalTime;
        var wall = time.GetTimestamp();
        var percent = Percent(cpu - lastCpu, time.GetElapsedTime(lastWall, wall));
        lastCpu = cpu;
        lastWall = wall;
        return percent;
    }

    public static double Percent(TimeSpan cpu, TimeSpan wall) =>
        wall > TimeSpan.Zero ? Math.Round(100 * cpu / wall / Environment.ProcessorCount, 1) : 0;
}
