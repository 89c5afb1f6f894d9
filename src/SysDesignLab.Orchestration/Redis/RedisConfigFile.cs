namespace SysDesignLab.Orchestration.Redis;

/// <summary>
/// A redis.conf the app owns (the Redis kind's "config" setting): the few settings that are the
/// app's to choose, in Redis's own syntax, so a learner changes the eviction policy where a team
/// would, in a file beside their code. Everything else (port, password, persistence) stays the lab's.
/// </summary>
public static class RedisConfigFile
{
    /// <summary>The directives the file may give: how much memory the cache may take, and what Redis does when it is full.</summary>
    public static IReadOnlyList<string> Allowed { get; } = [RedisSettings.MaxMemory, RedisSettings.MaxMemoryPolicy];

    /// <summary>The file's settings; throws a <see cref="LabException"/> naming the file and line of every problem.</summary>
    public static IReadOnlyDictionary<string, string> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new LabException($"The app's Redis settings file {path} does not exist. " +
                $"It holds the app's own Redis settings ({string.Join(", ", Allowed)}), one per line, e.g. 'maxmemory-policy allkeys-lru'.");
        }
        var (settings, errors) = Parse(File.ReadAllLines(path));
        return errors.Count > 0 ? throw new LabException($"{path}: {string.Join(" ", errors)}") : settings;
    }

    /// <summary>Settings and readable problems, "line N: …" each; comments (#) and blank lines are skipped.</summary>
    public static (IReadOnlyDictionary<string, string> Settings, IReadOnlyList<string> Errors) Parse(IReadOnlyList<string> lines)
    {
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        var errors = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            var parts = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var name = parts[0].ToLowerInvariant();
            if (!Allowed.Contains(name))
            {
                errors.Add($"line {i + 1}: '{parts[0]}' is not a setting the app may choose here; allowed: {string.Join(", ", Allowed)} " +
                    "(the rest of Redis's configuration is the lab's).");
                continue;
            }
            if (parts.Length != 2)
            {
                errors.Add($"line {i + 1}: {name} takes one value, e.g. '{name} {(name == RedisSettings.MaxMemory ? "4mb" : "allkeys-lru")}'.");
                continue;
            }
            if (!settings.TryAdd(name, parts[1]))
            {
                errors.Add($"line {i + 1}: {name} is given twice.");
                continue;
            }
            errors.AddRange(RedisSettings.Validate(new Dictionary<string, string> { [name] = parts[1] }).Select(e => $"line {i + 1}: {e}"));
        }
        return (settings, errors);
    }
}
