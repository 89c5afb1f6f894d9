using System.Globalization;
using System.Text.RegularExpressions;
using SysDesignLab.Orchestration;

namespace SysDesignLab.Scenarios.Lab;

/// <summary>A prediction as the learner types it ("95%", "200ms", "because…"), read the same way by the CLI and the web lab.</summary>
public static partial class PredictionInput
{
    public const int MaxWhyLength = 500;

    /// <summary>"95%", "95" or "99.5 %" as a rate between 0 and 1.</summary>
    /// <exception cref="InvalidPredictionException">Not a percentage between 0% and 100%.</exception>
    public static double SuccessRate(string? text)
    {
        var match = PercentPattern().Match(text ?? "");
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent))
        {
            throw new InvalidPredictionException($"Success rate '{text}' is not a percentage: write it like 95% (0% to 100%).");
        }
        if (percent is < 0 or > 100)
        {
            throw new InvalidPredictionException($"Success rate '{text}' is not between 0% and 100%.");
        }
        return percent / 100;
    }

    /// <summary>"200ms", "200 ms", "1.5s" in milliseconds; a unit is required, so "200" is not guessed.</summary>
    /// <exception cref="InvalidPredictionException">No unit, not a number, or not more than 0.</exception>
    public static double P95Ms(string? text)
    {
        var match = DurationPattern().Match(text ?? "");
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw new InvalidPredictionException($"p95 '{text}' needs a number and a unit, ms or s: write it like 200ms or 2s.");
        }
        var ms = match.Groups[2].Value.Equals("s", StringComparison.OrdinalIgnoreCase) ? value * 1000 : value;
        if (!double.IsFinite(ms) || ms <= 0)
        {
            throw new InvalidPredictionException($"p95 '{text}' must be more than 0.");
        }
        return ms;
    }

    /// <summary>The reason, one sentence: required, and short enough to read beside a number.</summary>
    public static string Why(string? text)
    {
        var why = (text ?? "").Trim();
        if (why.Length == 0)
        {
            throw new InvalidPredictionException("Say why in one sentence: what do you think the app does under load?");
        }
        if (why.Length > MaxWhyLength)
        {
            throw new InvalidPredictionException($"Keep the reason to one sentence (at most {MaxWhyLength} characters; this one has {why.Length}).");
        }
        return why.ReplaceLineEndings(" ");
    }

    /// <summary>A success rate as a prediction shows it: "95%", "99.5%".</summary>
    public static string Percent(double rate) => (rate * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";

    /// <summary>A latency as a prediction shows it: "200 ms", "2 s", "1.5 s".</summary>
    public static string Latency(double ms) => ms >= 1000
        ? (ms / 1000).ToString("0.##", CultureInfo.InvariantCulture) + " s"
        : ms.ToString("0.#", CultureInfo.InvariantCulture) + " ms";

    [GeneratedRegex(@"^\s*([0-9]+(?:\.[0-9]+)?)\s*%?\s*$")]
    private static partial Regex PercentPattern();

    [GeneratedRegex(@"^\s*([0-9]+(?:\.[0-9]+)?)\s*(ms|s)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex DurationPattern();
}

/// <summary>A prediction the lab cannot read; the message says what to type instead.</summary>
public sealed class InvalidPredictionException(string message) : LabException(message);
