using System.Globalization;
using System.Text.RegularExpressions;

namespace SysDesignLab.Scenarios.Manifest;

/// <summary>Parses "250ms", "20s", "2m", "1h" (and combinations like "1m30s").</summary>
public static partial class DurationParser
{
    public static bool TryParse(string? text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var matches = Part().Matches(text.Trim());
        if (matches.Count == 0 || string.Concat(matches.Select(m => m.Value)) != text.Trim())
        {
            return false;
        }
        foreach (Match match in matches)
        {
            var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            duration += match.Groups[2].Value switch
            {
                "ms" => TimeSpan.FromMilliseconds(amount),
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                _ => TimeSpan.FromHours(amount),
            };
        }
        return true;
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalSeconds >= 1 && duration.Milliseconds == 0 ? $"{duration.TotalSeconds:0}s" : $"{duration.TotalMilliseconds:0}ms";

    [GeneratedRegex(@"(\d+(?:\.\d+)?)(ms|s|m|h)")]
    private static partial Regex Part();
}
