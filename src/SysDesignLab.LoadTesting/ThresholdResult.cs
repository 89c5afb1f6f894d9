namespace SysDesignLab.LoadTesting;

/// <param name="Actual">The measured value, or null when the run did not produce that metric.</param>
public sealed record ThresholdResult(Threshold Threshold, bool Passed, double? Actual)
{
    public string Expected => $"{Threshold.Operator} {LoadMetrics.Format(Threshold.Metric, Threshold.Value)}";

    public string ActualText => Actual is { } value ? LoadMetrics.Format(Threshold.Metric, value) : "not measured";

    public override string ToString() =>
        $"{Threshold.Text}: {(Passed ? "passed" : "FAILED")} (expected {Expected}, actual {ActualText})";
}
