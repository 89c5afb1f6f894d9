namespace SysDesignLab.LoadTesting;

/// <summary>
/// A k6-style pass/fail rule on one metric of a run, e.g. <c>p95&lt;200ms</c>.
/// </summary>
/// <param name="Metric">The key in the metrics dictionary (see <see cref="LoadMetrics"/>), e.g. <c>p95Ms</c>.</param>
/// <param name="Operator">One of <c>&lt; &lt;= &gt; &gt;= ==</c>.</param>
/// <param name="Value">In the metric's own unit: milliseconds for latencies, a fraction for rates.</param>
/// <param name="Text">The expression as written, for messages.</param>
public sealed record Threshold(string Metric, string Operator, double Value, string Text);
