using System.Globalization;
using SysDesignLab.LoadTesting;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>Compares a metric with its threshold and words both sides the way a learner reads them.</summary>
public static class CriterionEvaluator
{
    public static CriterionResult Evaluate(CriterionSpec criterion, IReadOnlyDictionary<string, double> metrics)
    {
        var metric = criterion.Metric!;
        var key = criterion.Endpoint is null ? metric : LoadMetrics.ForEndpoint(metric, criterion.Endpoint);
        var threshold = criterion.Value!.Value;
        var expected = $"{Symbol(criterion.Op!)} {Format(metric, threshold)}";
        if (!metrics.TryGetValue(key, out var actual) || double.IsNaN(actual))
        {
            return new CriterionResult(criterion.Name, criterion.Kind, false, expected, "not measured", criterion.Where);
        }
        // The same comparison as `sdlab load --threshold`, so a bound means the same in both places.
        var passed = ThresholdEvaluator.Compare(actual, criterion.Op!, threshold);
        return new CriterionResult(criterion.Name, criterion.Kind, passed, expected, Format(metric, actual), criterion.Where);
    }

    public static string Format(string metric, double value) => metric switch
    {
        "successRate" => (value * 100).ToString(value >= 0.999 && value < 1 ? "0.00" : "0.0", CultureInfo.InvariantCulture) + "%",
        "rps" or "goodput" => value.ToString("0.0", CultureInfo.InvariantCulture) + " req/s",
        "goodputVsBaseline" or "p95VsBaseline" => value.ToString(value < 10 ? "0.0" : "0", CultureInfo.InvariantCulture) + "×",
        "dbRowsPerRequest" => value.ToString("#,0", CultureInfo.InvariantCulture) + " rows",
        "seqScansPerRequest" => value.ToString("0.00", CultureInfo.InvariantCulture) + " scans",
        "peakDbConnections" => value.ToString("0", CultureInfo.InvariantCulture) + " connections",
        _ when metric.EndsWith("Ms", StringComparison.Ordinal) => value.ToString(value < 10 ? "0.0" : "#,0", CultureInfo.InvariantCulture) + " ms",
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };

    private static string Symbol(string op) => op switch
    {
        ">=" => "≥",
        "<=" => "≤",
        "==" => "=",
        _ => op,
    };
}
