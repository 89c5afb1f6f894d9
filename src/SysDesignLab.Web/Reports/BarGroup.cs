namespace SysDesignLab.Web.Reports;

/// <summary>One compared figure: the naive baseline's value and the latest attempt's (null when not measured).</summary>
public sealed record BarGroup(string Label, double? Before, double? After);
