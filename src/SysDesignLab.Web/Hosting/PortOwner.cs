using System.Globalization;

namespace SysDesignLab.Web.Hosting;

/// <summary>Who listens on a loopback port, from /proc, so "port in use" can name the process.</summary>
public static class PortOwner
{
    public static string Describe(int port)
    {
        var owner = Find(port);
        var who = owner is null ? "another program" : $"process {owner.Value.Pid} ({owner.Value.CommandLine})";
        return $"Port {port} on 127.0.0.1 is already in use by {who}. Choose another port with --port (e.g. --port {port + 1}), or stop that program.";
    }

    public static (int Pid, string CommandLine)? Find(int port)
    {
        try
        {
            var inodes = ListeningInodes(port);
            if (inodes.Count == 0)
            {
                return null;
            }
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid))
                {
                    continue;
                }
                try
                {
                    foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(dir, "fd")))
                    {
                        var target = new FileInfo(fd).LinkTarget;
                        if (target is not null && target.StartsWith("socket:[", StringComparison.Ordinal) && inodes.Contains(target[8..^1]))
                        {
                            var commandLine = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ').Trim();
                            return (pid, commandLine.Length > 120 ? commandLine[..120] + "…" : commandLine);
                        }
                    }
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        return null;
    }

    // /proc/net/tcp{,6}: local_address is HEX_IP:HEX_PORT, state 0A is LISTEN, the 10th column the inode.
    private static HashSet<string> ListeningInodes(int port)
    {
        var hexPort = ":" + port.ToString("X4", CultureInfo.InvariantCulture);
        var inodes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var table in new[] { "/proc/net/tcp", "/proc/net/tcp6" })
        {
            if (!File.Exists(table))
            {
                continue;
            }
            foreach (var line in File.ReadLines(table).Skip(1))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > 9 && columns[1].EndsWith(hexPort, StringComparison.Ordinal) && columns[3] == "0A")
                {
                    inodes.Add(columns[9]);
                }
            }
        }
        return inodes;
    }
}
