namespace SysDesignLab.Orchestration.Tests.Redis;

/// <summary>What /proc says about processes, so a test can see for itself what a stop left behind.</summary>
internal static class RedisProcesses
{
    /// <summary>The live (not zombie) processes whose process group is <paramref name="groupId"/>.</summary>
    public static IReadOnlyList<int> InGroup(int groupId)
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }
            try
            {
                var stat = File.ReadAllText(Path.Combine(dir, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (fields[2] == groupId.ToString(System.Globalization.CultureInfo.InvariantCulture) && fields[0] is not ("Z" or "X"))
                {
                    found.Add(pid);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone while we looked.
            }
        }
        return found;
    }
}
