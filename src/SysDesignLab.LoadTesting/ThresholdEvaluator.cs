namespace SysDesignLab.LoadTesting;

/// <summary>
/// The one place a measured value is compared with a bound: <c>sdlab load --threshold</c> and the scenario
/// checks' criteria both go through <see cref="Compare"/>, so "passes" means the same everywhere.
/// </summary>
public static class ThresholdEvaluator
{
    public static readonly IReadOnlyList<string> Operators = ["<=", ">=", "==", "<", ">"];

    /// <exception cref="ArgumentException">Unknown operator.</exception>
    public static bool Compare(double actual, string op, double bound) => op switch
    {
        "<" => actual < bound,
        "<=" => actual <= bound,
        ">" => actual > bound,
        ">=" => actual >= bound,
        "==" => actual == bound,
        _ => throw new ArgumentException($"Unknown operator '{op}'; use one of {string.Join(", ", Operators)}.", nameof(op)),
    };

    /// <summary>A metric that is missing (or NaN) fails: an unmeasured bound is not a met one.</summary>
    public static ThresholdResult Evaluate(Threshold threshold, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(threshold);
        ArgumentNullException.ThrowIfNull(metrics);
        if (!metrics.TryGetValue(threshold.Metric, out var actual) || double.IsNaN(actual))
        {
            return new ThresholdResult(threshold, false, null);
        }

        return new ThresholdResult(threshold, Compare(actual, threshold.Operator, threshold.Value), actual);
    }

    public static IReadOnlyList<ThresholdResult> EvaluateAll(IEnumerable<Threshold> thresholds, IReadOnlyDictionary<string, double> metrics) =>
        [.. thresholds.Select(t => Evaluate(t, metrics))];
}
