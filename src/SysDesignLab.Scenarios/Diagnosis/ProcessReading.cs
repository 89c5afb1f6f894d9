using System.Globalization;

namespace SysDesignLab.Scenarios.Diagnosis;

/// <summary>
/// One process as the kernel sees it (/proc/&lt;pid&gt;/stat and /status): CPU time used so far,
/// threads and resident memory. Read from outside the process, so it works when the app is too
/// busy to answer its own /metrics.
/// </summary>
public sealed record ProcessReading(int Pid, long CpuTicks, int Threads, double? RssMb)
{
    // USER_HZ: 100 on every Linux the lab runs on (the kernel's ABI, not the scheduler's tick).
    public const double TicksPerSecond = 100;

    /// <summary>The process now, or null when it has exited (or this is not Linux).</summary>
    public static ProcessReading? Read(int pid)
    {
        try
        {
            return Parse(pid, File.ReadAllText($"/proc/{pid}/stat"), File.ReadAllText($"/proc/{pid}/status"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    /// <summary>Parses the two files' text; a zombie (state Z) counts as gone.</summary>
    public static ProcessReading? Parse(int pid, string stat, string status)
    {
        // The command name is in parentheses and may itself hold spaces or ')': fields start after the last one.
        var close = stat.LastIndexOf(')');
        if (close < 0)
        {
            throw new FormatException("no command name in /proc/<pid>/stat");
        }
        var fields = stat[(close + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
        if (fields.Length < 13)
        {
            throw new FormatException("too few fields in /proc/<pid>/stat");
        }
        if (fields[0] == "Z")
        {
            return null;
        }
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return new ProcessReading(pid, ticks, (int)(StatusField(status, "Threads:") ?? 0), StatusField(status, "VmRSS:") is { } kb ? Math.Round(kb / 1024, 1) : null);
    }

    /// <summary>CPU used between <paramref name="earlier"/> and this reading, in % of one core (200% = two cores busy).</summary>
    public double CpuPercentSince(ProcessReading earlier, TimeSpan elapsed) =>
        elapsed <= TimeSpan.Zero ? 0 : Math.Round(Math.Max(0, CpuTicks - earlier.CpuTicks) / TicksPerSecond / elapsed.TotalSeconds * 100, 1);

    private static double? StatusField(string status, string name)
    {
        foreach (var line in status.AsSpan().EnumerateLines())
        {
            if (line.StartsWith(name, StringComparison.Ordinal))
            {
                var value = line[name.Length..].Trim();
                var space = value.IndexOf(' ');
                return double.Parse(space < 0 ? value : value[..space], CultureInfo.InvariantCulture);
            }
        }
        return null;
    }
}
