using SysDesignLab.Web.Reports;

namespace SysDesignLab.Web.Tests.Reports;

public sealed class SvgBarChartTests
{
    [Fact]
    public void Bars_are_scaled_to_the_largest_value()
    {
        var svg = SvgBarChart.Render("Latency", "ms", [new BarGroup("p95", 1000, 250)], lowerIsBetter: true);
        Assert.Contains("class=\"before\" x=\"90\" y=\"27\" width=\"250\"", svg, StringComparison.Ordinal);
        Assert.Contains("class=\"after\" x=\"90\" y=\"41\" width=\"62.5\"", svg, StringComparison.Ordinal);
        Assert.Contains("lower is better", svg, StringComparison.Ordinal);
    }

    [Fact]
    public void Titles_are_escaped()
    {
        var svg = SvgBarChart.Render("<b>", "ms", [new BarGroup("a&b", null, 1)], lowerIsBetter: false);
        Assert.Contains("&lt;b&gt;", svg, StringComparison.Ordinal);
        Assert.Contains("a&amp;b", svg, StringComparison.Ordinal);
        Assert.Contains("not measured", svg, StringComparison.Ordinal);
    }
}
