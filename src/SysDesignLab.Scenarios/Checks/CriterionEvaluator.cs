using SysDesignLab.LoadTesting;
using SysDesignLab.Scenarios.Engine;
using SysDesignLab.Scenarios.Manifest;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>Compares a metric with its threshold and words both sides the way a learner reads them.</summary>
public static class CriterionEvaluator
{
    /// <summary>
    /// The share of requests that must succeed for a latency or per-request figure to count. Every
    /// scenario asks ≥ 99% success of its own; the floor sits well below that, so a run that narrowly
    /// misses it (a few timeouts) still shows honest latency and database figures to diagnose with,
    /// and only its success criterion fails. Below 90% the failures make the figures: a refused
    /// connection answers in a millisecond and a timeout takes exactly the timeout, so percentiles are
    /// the errors' latency, and database work is divided over requests the app never served.
    /// </summary>
    public const double SuccessFloor = 0.90;

    /// <summary>Joins a figure to the reason it did not count; the table looks for it to explain the floor.</summary>
    public const string NotCountedMarker = " — not counted: ";

    // Figures about how many requests succeeded stand on their own; every other figure describes
    // the requests, and only means something when enough of them were answered.
    private static readonly HashSet<string> CountedWithoutFloor = ["successRate", "errorRate", "requests", "goodput", "goodputVsBaseline"];

    /// <param name="evidence">What the run saw (failures by kind, crashes, the profile); without it a failure gets the manifest's default message.</param>
    public static CriterionResult Evaluate(CriterionSpec criterion, IReadOnlyDictionary<string, double> metrics, MetricCatalog? catalog = null, RunEvidence? evidence = null)
    {
        ArgumentNullException.ThrowIfNull(criterion);
        catalog ??= LabRegistry.Default.Metrics;
        string Format(string name, double value) => catalog.Write(name, value);
        var metric = criterion.Metric!;
        var key = criterion.Endpoint is null ? metric : LoadMetrics.ForEndpoint(metric, criterion.Endpoint);
        var threshold = criterion.Value!.Value;
        var expected = $"{Symbol(criterion.Op!)} {Format(metric, threshold)}";
        if (!metrics.TryGetValue(key, out var actual) || double.IsNaN(actual))
        {
            return Failed(criterion, expected, "not measured", evidence);
        }
        if (!CountedWithoutFloor.Contains(metric) && SuccessRate(metrics, criterion.Endpoint) is { } rate && rate < SuccessFloor)
        {
            var requests = criterion.Endpoint is null ? "requests" : $"{criterion.Endpoint} requests";
            return Failed(criterion, expected, $"{Format(metric, actual)}{NotCountedMarker}only {Format("successRate", rate)} of {requests} succeeded", evidence);
        }
        // The same comparison as `sdlab load --threshold`, so a bound means the same in both places.
        var passed = ThresholdEvaluator.Compare(actual, criterion.Op!, threshold);
        var shown = Format(metric, actual) + BaselineNote(metric, metrics);
        return passed
            ? new CriterionResult(criterion.Name, criterion.Kind, true, expected, shown, criterion.Where)
            : Failed(criterion, expected, shown, evidence);
    }

    /// <summary>A failed row whose message follows what the run saw rather than one fixed text.</summary>
    private static CriterionResult Failed(CriterionSpec criterion, string expected, string actual, RunEvidence? evidence)
    {
        var cause = evidence is null ? FailureCause.None : FailureCauses.Classify(evidence, criterion.Metric!, criterion.Endpoint);
        var where = CauseMessages.Choose(criterion.Where, cause, evidence, criterion.Endpoint, criterion.Name, expected, actual);
        return new CriterionResult(criterion.Name, criterion.Kind, false, expected, actual, where)
        {
            Cause = cause == FailureCause.None ? null : cause.Key(),
        };
    }

    /// <summary>The endpoint's own success rate for a per-endpoint figure, else the run's; null when unknown.</summary>
    private static double? SuccessRate(IReadOnlyDictionary<string, double> metrics, string? endpoint)
    {
        if (endpoint is not null && metrics.TryGetValue(LoadMetrics.ForEndpoint("successRate", endpoint), out var own))
        {
            return own;
        }
        return metrics.TryGetValue("successRate", out var rate) ? rate : null;
    }

    /// <summary>Says when the ratio divided by the floor rather than by what the naive app really served.</summary>
    private static string BaselineNote(string metric, IReadOnlyDictionary<string, double> metrics) =>
        metric == "goodputVsBaseline" && metrics.TryGetValue(CheckMetrics.BaselineGoodput, out var naive) && naive < CheckMetrics.BaselineGoodputFloor
            ? $" (naive app: {Format("goodput", naive)}, counted as {Format("goodput", CheckMetrics.BaselineGoodputFloor)})"
            : "";

    /// <summary>The value as a learner reads it, the way the lab's metric catalog writes that metric.</summary>
    public static string Format(string metric, double value) => LabRegistry.Default.Metrics.Write(metric, value);

    private static string Symbol(string op) => op switch
    {
        ">=" => "≥",
        "<=" => "≤",
        "==" => "=",
        _ => op,
    };
}
