using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SysDesignLab.Orchestration.Redis;

/// <summary>
/// The Redis settings a scenario manifest may give, under Redis's own names and values
/// (maxmemory, maxmemory-policy, appendonly), their defaults, and the config file the lab writes.
/// Everything else in the config is fixed by the lab: loopback only, a password, no snapshots.
/// </summary>
public static partial class RedisSettings
{
    public const string MaxMemory = "maxmemory";
    public const string MaxMemoryPolicy = "maxmemory-policy";
    public const string AppendOnly = "appendonly";

    /// <summary>The settings a manifest may give, in the order error messages list them.</summary>
    public static IReadOnlyList<string> Allowed { get; } = [MaxMemory, MaxMemoryPolicy, AppendOnly];

    /// <summary>Redis's eviction policies (redis.conf's names).</summary>
    public static IReadOnlyList<string> Policies { get; } =
        ["noeviction", "allkeys-lru", "allkeys-lfu", "allkeys-random", "volatile-lru", "volatile-lfu", "volatile-random", "volatile-ttl"];

    /// <summary>
    /// Redis's own defaults, except maxmemory: unlimited, a runaway app would fill the learner's
    /// machine, so the lab caps it at a size no lesson reaches by accident. noeviction keeps the cap
    /// visible (writes fail with OOM) instead of silently dropping data the lesson did not ask to drop.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string>
    {
        [MaxMemory] = "1gb",
        [MaxMemoryPolicy] = "noeviction",
        [AppendOnly] = "no",
    };

    // Below this Redis evicts (or refuses) from the first write: its own bookkeeping takes about 1 MB.
    private const long SmallestMaxMemory = 1024 * 1024;

    /// <summary>Readable messages, one per problem; empty when the settings are fine.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyDictionary<string, string> settings)
    {
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in settings)
        {
            var name = key.Trim().ToLowerInvariant();
            if (!seen.Add(name))
            {
                errors.Add($"Redis setting '{name}' is given twice.");
                continue;
            }
            var setting = (value ?? "").Trim();
            switch (name)
            {
                case MaxMemory:
                    if (ParseBytes(setting) is not { } bytes)
                    {
                        errors.Add($"Redis setting maxmemory = '{setting}' is not a size. Give a number with a unit, e.g. 64mb " +
                            "(kb, mb, gb count in 1024s; k, m, g in 1000s), or 0 for no limit.");
                    }
                    else if (bytes is > 0 and < SmallestMaxMemory)
                    {
                        errors.Add($"Redis setting maxmemory = '{setting}' is {bytes} bytes, less than Redis needs for itself (1mb). " +
                            $"Give a unit, e.g. {setting}mb.");
                    }
                    break;
                case MaxMemoryPolicy:
                    if (!Policies.Contains(setting.ToLowerInvariant()))
                    {
                        errors.Add($"Redis setting maxmemory-policy = '{setting}' is not a policy Redis knows. Allowed: {string.Join(", ", Policies)}.");
                    }
                    break;
                case AppendOnly:
                    if (setting.ToLowerInvariant() is not ("yes" or "no"))
                    {
                        errors.Add($"Redis setting appendonly = '{setting}' must be yes or no.");
                    }
                    break;
                default:
                    errors.Add($"Unknown Redis setting '{key}'. A scenario may set: {string.Join(", ", Allowed)}.");
                    break;
            }
        }
        return errors;
    }

    /// <summary>The defaults overridden by <paramref name="overrides"/>; throws one <see cref="LabException"/> naming every problem.</summary>
    public static IReadOnlyDictionary<string, string> Merge(IReadOnlyDictionary<string, string>? overrides)
    {
        var merged = new Dictionary<string, string>(Defaults);
        if (overrides is null)
        {
            return merged;
        }
        if (Validate(overrides) is { Count: > 0 } errors)
        {
            throw new LabException(string.Join(" ", errors));
        }
        foreach (var (key, value) in overrides)
        {
            merged[key.Trim().ToLowerInvariant()] = value.Trim().ToLowerInvariant();
        }
        return merged;
    }

    /// <summary>A Redis memory size in bytes ("64mb", "500k", "1073741824"), or null when it is not one.</summary>
    public static long? ParseBytes(string value)
    {
        var match = SizePattern().Match(value.Trim());
        if (!match.Success || !long.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            return null;
        }
        long unit = match.Groups[2].Value.ToLowerInvariant() switch
        {
            "k" => 1000,
            "kb" => 1024,
            "m" => 1000 * 1000,
            "mb" => 1024 * 1024,
            "g" => 1000 * 1000 * 1000,
            "gb" => 1024 * 1024 * 1024,
            _ => 1,
        };
        return number <= long.MaxValue / unit ? number * unit : null;
    }

    [GeneratedRegex(@"^(\d{1,18})(k|kb|m|mb|g|gb)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SizePattern();

    /// <summary>redis.conf for one start; <paramref name="settings"/> must have been through <see cref="Merge"/>.</summary>
    internal static string ToConfigFile(int port, string password, string folder, IReadOnlyDictionary<string, string> settings)
    {
        var config = new StringBuilder()
            .Append("# Written by SysDesign Lab on every start: a fresh, empty Redis for one lab run.\n")
            .Append("bind 127.0.0.1\n")
            .Append(CultureInfo.InvariantCulture, $"port {port}\n")
            .Append("protected-mode yes\n")
            .Append(CultureInfo.InvariantCulture, $"requirepass {password}\n")
            .Append("daemonize no\n")
            // An empty logfile means standard output, which the lab sends to the resource's log.
            .Append("logfile \"\"\n")
            .Append(CultureInfo.InvariantCulture, $"dir {Quote(folder)}\n")
            // A cache starts cold: no snapshots; an append-only file, when asked for, lives for one start.
            .Append("save \"\"\n");
        foreach (var (key, value) in settings.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            config.Append(CultureInfo.InvariantCulture, $"{key} {value}\n");
        }
        return config.ToString();
    }

    private static string Quote(string value) =>
        "\"" + value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
