using Bunit;
using SysDesignLab.Web.Reports;

namespace SysDesignLab.Web.Tests.Reports;

public sealed class SvgBarChartTests : BunitContext
{
    [Fact]
    public void Bars_are_scaled_to_the_largest_value()
    {
        var cut = Render<SvgBarChart>(p => p.Add(c => c.Title, "Latency").Add(c => c.Unit, "ms")
            .Add(c => c.Groups, [new BarGroup("p95", 1000, 250)]).Add(c => c.LowerIsBetter, true));
        var before = cut.Find("rect.before");
        var after = cut.Find("rect.after");
        Assert.Equal(["90", "27", "250"], new[] { "x", "y", "width" }.Select(before.GetAttribute));
        Assert.Equal(["90", "41", "62.5"], new[] { "x", "y", "width" }.Select(after.GetAttribute));
        Assert.Contains("lower is better", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Titles_are_encoded_and_a_missing_value_says_so()
    {
        var cut = Render<SvgBarChart>(p => p.Add(c => c.Title, "<b>").Add(c => c.Unit, "ms")
            .Add(c => c.Groups, [new BarGroup("a&b", null, 1)]).Add(c => c.LowerIsBetter, false));
        Assert.Contains("&lt;b&gt;", cut.Markup, StringComparison.Ordinal);
        Assert.Contains("a&amp;b", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("0", cut.Find("rect.before").GetAttribute("width"));
        Assert.Contains("not measured", cut.Markup, StringComparison.Ordinal);
    }
}
