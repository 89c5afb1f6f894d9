using System.Diagnostics;
using SysDesignLab.Scenarios.Diagnosis;

namespace SysDesignLab.Scenarios.Tests.Diagnosis;

public sealed class ProcessReadingTests
{
    [Fact]
    public void Reads_this_process_threads_memory_and_the_cpu_it_burns()
    {
        var process = Process.GetCurrentProcess();
        var before = ProcessReading.Read(Environment.ProcessId);
        var cpuBefore = process.TotalProcessorTime;
        Assert.NotNull(before);
        var clock = Stopwatch.StartNew();
        // Keep one core busy for a third of a second: the kernel's counter must see it.
        var spin = 0L;
        while (clock.ElapsedMilliseconds < 300)
        {
            spin++;
        }
        var after = ProcessReading.Read(Environment.ProcessId)!;
        process.Refresh();
        var used = process.TotalProcessorTime - cpuBefore;

        Assert.True(spin > 0);
        Assert.Equal(process.Threads.Count, after.Threads, tolerance: 4);
        Assert.True(after.RssMb > 1, $"RSS {after.RssMb} MB");
        var cpu = after.CpuPercentSince(before, clock.Elapsed);
        // On a shared machine the spin gets what the scheduler gives it: compare with what .NET measured
        // over the same span (ticks are 10 ms, so allow a few of them).
        var expected = used.TotalSeconds / clock.Elapsed.TotalSeconds * 100;
        Assert.True(cpu > 5, $"{cpu}% CPU while spinning");
        Assert.InRange(cpu, expected - 15, expected + 15);
    }

    [Fact]
    public void A_command_name_with_spaces_and_parentheses_does_not_shift_the_fields()
    {
        // Fields 3..20 of a real stat line; utime = 1500, stime = 250, under a name like "app (1) x".
        const string stat = "4242 (app (1) x) S 1 4242 4242 0 -1 4194560 1000 0 0 0 1500 250 0 0 20 0 37 0 12345 1000000 5000";
        const string status = "Name:\tapp (1) x\nState:\tS (sleeping)\nVmRSS:\t  204800 kB\nThreads:\t37\n";

        var reading = ProcessReading.Parse(4242, stat, status)!;

        Assert.Equal(1750, reading.CpuTicks);
        Assert.Equal(37, reading.Threads);
        Assert.Equal(200, reading.RssMb);
        // 175 ticks more in one second is 1.75 s of CPU: 175% (nearly two cores).
        Assert.Equal(175, (reading with { CpuTicks = 1750 + 175 }).CpuPercentSince(reading, TimeSpan.FromSeconds(1)));
    }

    [Fact]
    public void A_zombie_or_a_missing_process_reads_as_gone()
    {
        const string zombie = "77 (app) Z 1 77 77 0 -1 0 0 0 0 0 10 10 0 0 20 0 1 0 1 0 0";

        Assert.Null(ProcessReading.Parse(77, zombie, "Threads:\t1\n"));
        Assert.Null(ProcessReading.Read(int.MaxValue));
    }
}
