using System.Globalization;
using System.Text.RegularExpressions;

namespace SysDesignLab.LoadTesting;

/// <summary>
/// Parses k6-style thresholds: <c>p95&lt;200ms</c>, <c>p99&lt;=1s</c>, <c>success_rate&gt;0.999</c> (or
/// <c>&gt;99.9%</c>), <c>rps&gt;500</c>, <c>goodput&gt;=100</c>. Latencies take ms (default), s or us.
/// A metric may name one endpoint, k6's tag style: <c>p95{write}&lt;50ms</c> judges only the "write" requests.
/// </summary>
public static partial class ThresholdParser
{
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["p50"] = "p50Ms", ["p95"] = "p95Ms", ["p99"] = "p99Ms", ["max"] = "maxMs", ["avg"] = "meanMs", ["mean"] = "meanMs",
        ["success_rate"] = "successRate", ["error_rate"] = "errorRate", ["rps"] = "rps", ["goodput"] = "goodput",
        ["requests"] = "requests", ["cpu"] = "cpuPercent",
        ["achieved_rate"] = "achievedRate", ["late_starts"] = "lateStarts", ["dropped"] = "dropped",
        ["uncorrected_p50"] = "uncorrectedP50Ms", ["uncorrected_p95"] = "uncorrectedP95Ms",
        ["uncorrected_p99"] = "uncorrectedP99Ms", ["uncorrected_max"] = "uncorrectedMaxMs",
    };

    public static IReadOnlyCollection<string> MetricNames => Aliases.Keys;

    /// <exception cref="FormatException">The message quotes the expression and the token that is wrong.</exception>
    public static Threshold Parse(string expression)
    {
        ArgumentNullException.ThrowIfNull(expression);
        var match = Shape().Match(expression);
        if (!match.Success)
        {
            throw new FormatException(
                $"Threshold '{expression}' is not METRIC OP VALUE (e.g. p95<200ms, success_rate>0.999, rps>500); operators: {string.Join(" ", ThresholdEvaluator.Operators)}.");
        }

        var name = match.Groups["metric"].Value;
        if (!Aliases.TryGetValue(name, out var metric))
        {
            throw new FormatException(
                $"Threshold '{expression}': unknown metric '{name}'; use one of {string.Join(", ", Aliases.Keys)}.");
        }

        var op = match.Groups["op"].Value;
        var valueText = match.Groups["value"].Value;
        if (!ThresholdEvaluator.Operators.Contains(op))
        {
            throw new FormatException($"Threshold '{expression}': unknown operator '{op}'; use one of {string.Join(" ", ThresholdEvaluator.Operators)}.");
        }

        var value = ParseValue(expression, metric, valueText);
        if (match.Groups["endpoint"].Success)
        {
            var endpoint = match.Groups["endpoint"].Value;
            if (!LoadMetrics.PerEndpoint.Contains(metric))
            {
                throw new FormatException(
                    $"Threshold '{expression}': '{name}' is not measured per endpoint; use one of {string.Join(", ", Aliases.Where(a => LoadMetrics.PerEndpoint.Contains(a.Value)).Select(a => a.Key))}.");
            }

            metric = LoadMetrics.ForEndpoint(metric, endpoint);
        }

        return new Threshold(metric, op, value, expression.Trim());
    }

    private static double ParseValue(string expression, string metric, string text)
    {
        var value = Value().Match(text);
        if (!value.Success || !double.TryParse(value.Groups["number"].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            throw new FormatException($"Threshold '{expression}': '{text}' is not a number (with an optional unit such as ms, s or %).");
        }

        var unit = value.Groups["unit"].Value.ToLowerInvariant();
        var isLatency = metric.EndsWith("Ms", StringComparison.Ordinal);
        var isFraction = metric is "successRate" or "errorRate";
        return unit switch
        {
            "" => number,
            "ms" when isLatency => number,
            "s" when isLatency => number * 1000,
            "us" or "µs" when isLatency => number / 1000,
            "%" when isFraction => number / 100,
            _ => throw new FormatException(
                $"Threshold '{expression}': unit '{value.Groups["unit"].Value}' does not fit '{metric}'"
                + (isLatency ? "; latencies take us, ms or s." : isFraction ? "; rates take a fraction (0.999) or a percentage (99.9%)." : "; it takes a plain number.")),
        };
    }

    [GeneratedRegex(@"^\s*(?<metric>[A-Za-z_][A-Za-z0-9_]*)(\{(?<endpoint>[^{}]+)\})?\s*(?<op>[<>=!]+)\s*(?<value>\S+)\s*$")]
    private static partial Regex Shape();

    [GeneratedRegex(@"^(?<number>[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?)(?<unit>[A-Za-zµ%]*)$")]
    private static partial Regex Value();
}
