using System.Globalization;
using System.Text.RegularExpressions;

namespace SysDesignLab.Orchestration.RabbitMq;

/// <summary>
/// The node settings a scenario's manifest may give, none of them required, and how each becomes a
/// line of rabbitmq.conf. Only settings worth teaching are offered (memory and disk alarms that block
/// publishers, message size, consumer ack timeout, heartbeats); what the lab itself relies on (loopback
/// listeners, the lab user, the management plugin for queue figures and resets) is not a setting.
/// </summary>
public static partial class RabbitMqSettings
{
    private sealed record Setting(string Description, Func<string, string?> Check, Func<string, string> ToConfig);

    private static readonly Dictionary<string, Setting> Known = new(StringComparer.Ordinal)
    {
        ["vm_memory_high_watermark"] = new(
            "a fraction of the machine's memory (0.4) or a size (512MB): above it the node blocks publishers",
            value => IsFraction(value) || IsSize(value) ? null : "must be a fraction between 0 and 1 (like 0.4) or a size (like 512MB)",
            value => IsFraction(value)
                ? $"vm_memory_high_watermark.relative = {value}"
                : $"vm_memory_high_watermark.absolute = {value}"),
        ["disk_free_limit"] = new(
            "a size (50MB): with less free disk the node blocks publishers",
            value => IsSize(value) ? null : "must be a size (like 50MB or 1GB)",
            value => $"disk_free_limit.absolute = {value}"),
        ["max_message_size"] = new(
            "the largest message body in bytes the node accepts (at most 536870912)",
            value => IsWhole(value, 1, 536_870_912) ? null : "must be a whole number of bytes between 1 and 536870912",
            value => $"max_message_size = {value}"),
        ["consumer_timeout"] = new(
            "milliseconds a consumer may hold a message unacknowledged before its channel is closed",
            value => IsWhole(value, 1_000, int.MaxValue) ? null : "must be a whole number of milliseconds, at least 1000",
            value => $"consumer_timeout = {value}"),
        ["heartbeat"] = new(
            "the heartbeat in seconds the node proposes to clients (0 turns heartbeats off)",
            value => IsWhole(value, 0, 3_600) ? null : "must be a whole number of seconds between 0 and 3600",
            value => $"heartbeat = {value}"),
        ["log_level"] = new(
            "how much the node writes to its log: debug, info, warning or error",
            value => value is "debug" or "info" or "warning" or "error" ? null : "must be debug, info, warning or error",
            value => $"log.console.level = {value}"),
    };

    /// <summary>The names a manifest may use, with what each does.</summary>
    public static IReadOnlyDictionary<string, string> Descriptions { get; } =
        Known.ToDictionary(k => k.Key, k => k.Value.Description, StringComparer.Ordinal);

    /// <summary>Readable errors, one per bad setting; empty when every setting is known and well formed.</summary>
    public static IReadOnlyList<string> Validate(IReadOnlyDictionary<string, string> settings)
    {
        var errors = new List<string>();
        foreach (var (name, value) in settings.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (!Known.TryGetValue(name, out var setting))
            {
                errors.Add($"RabbitMQ setting '{name}' is not one the lab knows; use one of: {string.Join(", ", Known.Keys.Order(StringComparer.Ordinal))}.");
            }
            else if (setting.Check(value.Trim()) is { } problem)
            {
                errors.Add($"RabbitMQ setting '{name}' is '{value}' but {problem}.");
            }
        }
        return errors;
    }

    /// <summary>The rabbitmq.conf lines for valid <paramref name="settings"/>, in a stable order (they are part of the settings stamp).</summary>
    public static IReadOnlyList<string> ToConfigLines(IReadOnlyDictionary<string, string> settings) =>
        settings.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => Known[s.Key].ToConfig(s.Value.Trim())).ToList();

    private static bool IsFraction(string value) =>
        double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var fraction) && fraction is > 0 and <= 1;

    private static bool IsSize(string value) => SizePattern().IsMatch(value);

    private static bool IsWhole(string value, long min, long max) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max;

    // What rabbitmq.conf takes for an information unit: a byte count, or a number with a unit.
    [GeneratedRegex("^[0-9]+(kB|KB|MB|GB|kiB|KiB|MiB|GiB)?$")]
    private static partial Regex SizePattern();
}
