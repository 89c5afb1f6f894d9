using System.Globalization;
using System.Text.RegularExpressions;

namespace SysDesignLab.Orchestration.Postgres;

/// <summary>
/// The settings a scenario may give a <see cref="PostgresReplica"/>, checked before anything starts so
/// a typo is one readable message rather than a standby that will not start. Durations and sizes
/// need a unit: PostgreSQL reads a bare number in each setting's own unit (milliseconds for one,
/// seconds for the next), which is too easy to get wrong.
/// </summary>
public static partial class PostgresReplicaSettings
{
    private enum Kind { Duration, Bool, Size, Count }

    private static readonly IReadOnlyDictionary<string, Kind> Allowed = new Dictionary<string, Kind>(StringComparer.Ordinal)
    {
        ["recovery_min_apply_delay"] = Kind.Duration,
        ["max_standby_streaming_delay"] = Kind.Duration,
        ["wal_receiver_status_interval"] = Kind.Duration,
        ["hot_standby"] = Kind.Bool,
        ["hot_standby_feedback"] = Kind.Bool,
        ["max_connections"] = Kind.Count,
        ["shared_buffers"] = Kind.Size,
        ["work_mem"] = Kind.Size,
    };

    /// <summary>What every replica runs with unless told otherwise: it serves reads while it replays.</summary>
    public static IReadOnlyDictionary<string, string> Defaults { get; } = new Dictionary<string, string> { ["hot_standby"] = "on" };

    /// <summary>The settings a replica accepts, in order.</summary>
    public static IReadOnlyList<string> AllowedKeys { get; } = Allowed.Keys.Order(StringComparer.Ordinal).ToList();

    /// <summary>One message per setting that is unknown or malformed; empty when all are fine.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyDictionary<string, string>? settings)
    {
        var problems = new List<string>();
        foreach (var (key, value) in (settings ?? new Dictionary<string, string>()).OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (!Allowed.TryGetValue(key, out var kind))
            {
                problems.Add($"'{key}' is not a replica setting; the lab allows {string.Join(", ", AllowedKeys)}.");
            }
            else if (Problem(key, value.Trim(), kind) is { } problem)
            {
                problems.Add(problem);
            }
        }
        return problems;
    }

    /// <summary>
    /// Reads a duration the way these settings are written: a whole number with a unit (500ms, 2s,
    /// 1min, 1h, 1d), or 0; at most a day, far beyond any lag worth watching.
    /// </summary>
    public static bool TryParseDuration(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var match = DurationPattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }
        if (match.Groups[3].Success)
        {
            return true;
        }
        long unitMilliseconds = match.Groups[2].Value switch
        {
            "ms" => 1,
            "s" => 1_000,
            "min" => 60_000,
            "h" => 3_600_000,
            _ => 86_400_000,
        };
        var milliseconds = long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) * unitMilliseconds;
        if (milliseconds > 86_400_000)
        {
            return false;
        }
        duration = TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }

    private static string? Problem(string key, string value, Kind kind) => kind switch
    {
        Kind.Duration when key == "max_standby_streaming_delay" && value == "-1" => null,
        Kind.Duration when !TryParseDuration(value, out _) =>
            $"{key} is '{value}'; give a whole number with a unit, like 500ms, 2s or 1min, up to 1d{(key == "max_standby_streaming_delay" ? " (or -1 to wait forever)" : "")}.",
        Kind.Bool when key == "hot_standby" && IsOff(value) =>
            "hot_standby is 'off'; a replica without it refuses every connection, so nothing could read from it. Leave it on, or leave it out.",
        Kind.Bool when !IsOn(value) && !IsOff(value) => $"{key} is '{value}'; give on or off.",
        Kind.Size when !SizePattern().IsMatch(value) => $"{key} is '{value}'; give a whole number with a unit, like 128MB or 1GB.",
        Kind.Count when !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count is < 1 or > 10_000 =>
            $"{key} is '{value}'; give a whole number from 1 to 10000.",
        _ => null,
    };

    private static bool IsOn(string value) => value.ToLowerInvariant() is "on" or "true" or "yes" or "1";
    private static bool IsOff(string value) => value.ToLowerInvariant() is "off" or "false" or "no" or "0";

    [GeneratedRegex("^(?:([0-9]{1,9})(ms|s|min|h|d)|(0))$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex("^[0-9]{1,9}(kB|MB|GB)$")]
    private static partial Regex SizePattern();
}
