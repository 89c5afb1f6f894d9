using System.Globalization;

namespace SysDesignLab.Orchestration.Tests.RabbitMq;

/// <summary>
/// The processes of one lab node as the test sees them from /proc: everything started with the node's
/// environment (the launcher, epmd, beam.smp, erl_child_setup, inet_gethost), and what they listen on.
/// </summary>
internal static class NodeProcesses
{
    public sealed record Listener(string Address, int Port, string Process);

    /// <summary>(pid, program) of every live process carrying RABBITMQ_NODENAME=<paramref name="nodeName"/>.</summary>
    public static IReadOnlyList<(int Pid, string Program)> Of(string nodeName)
    {
        var marker = $"RABBITMQ_NODENAME={nodeName}\0";
        var found = new List<(int, string)>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                if (stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z') || !File.ReadAllText(Path.Combine(dir, "environ")).Contains(marker, StringComparison.Ordinal))
                {
                    continue;
                }
                found.Add((pid, File.ReadAllText(Path.Combine(dir, "comm")).Trim()));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone while we looked, or not ours to read.
            }
        }
        return found;
    }

    /// <summary>The TCP sockets the node's processes listen on, from /proc/net/tcp and tcp6.</summary>
    public static IReadOnlyList<Listener> Listening(string nodeName)
    {
        var owners = new Dictionary<string, string>();
        foreach (var (pid, program) in Of(nodeName))
        {
            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries($"/proc/{pid}/fd"))
                {
                    if (new FileInfo(fd).LinkTarget is { } target && target.StartsWith("socket:[", StringComparison.Ordinal))
                    {
                        owners[target[8..^1]] = program;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The process ended meanwhile.
            }
        }
        var listeners = new List<Listener>();
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[3] == "0A" && owners.TryGetValue(fields[9], out var program))
                {
                    var local = fields[1].Split(':');
                    listeners.Add(new Listener(Address(local[0]), int.Parse(local[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture), program));
                }
            }
        }
        return listeners;
    }

    /// <summary>CPU the node's live processes (and the children they reaped) used so far: a start's cost whatever else the machine runs.</summary>
    public static TimeSpan CpuTime(string nodeName)
    {
        long ticks = 0;
        foreach (var (pid, _) in Of(nodeName))
        {
            try
            {
                var stat = File.ReadAllText($"/proc/{pid}/stat");
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += fields.Skip(11).Take(4).Sum(f => long.Parse(f, CultureInfo.InvariantCulture));
            }
            catch (IOException)
            {
                // Ended meanwhile.
            }
        }
        return TimeSpan.FromSeconds(ticks / 100.0); // USER_HZ is 100 on Linux
    }

    public static bool IsLoopback(string address) => address is "127.0.0.1" or "::1";

    /// <summary>The kernel prints addresses as 32-bit words in host (little-endian) order.</summary>
    private static string Address(string hex)
    {
        var bytes = Convert.FromHexString(hex);
        for (var word = 0; word < bytes.Length; word += 4)
        {
            Array.Reverse(bytes, word, 4);
        }
        return new System.Net.IPAddress(bytes).ToString();
    }
}
