using System.Text;
using static SysDesignLab.Web.Html.Html;

namespace SysDesignLab.Web.Reports;

/// <summary>
/// A horizontal paired bar chart as inline SVG: before (grey) over after (blue) for each figure.
/// Server-rendered so the exported report needs no script and no asset to show it.
/// </summary>
public static class SvgBarChart
{
    private const int Width = 420;
    private const int LabelWidth = 90;
    private const int ValueWidth = 80;
    private const int BarHeight = 14;
    private const int GroupGap = 12;

    public static string Render(string title, string unit, IReadOnlyList<BarGroup> groups, bool lowerIsBetter)
    {
        var max = groups.SelectMany(g => new[] { g.Before ?? 0, g.After ?? 0 }).DefaultIfEmpty(0).Max();
        max = max <= 0 ? 1 : max;
        var height = 26 + groups.Count * (2 * BarHeight + GroupGap);
        var plot = Width - LabelWidth - ValueWidth;
        var svg = new StringBuilder();
        svg.Append($"<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{height}\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"{E(title)}\">");
        svg.Append($"<text x=\"0\" y=\"14\" font-size=\"13\" font-weight=\"600\" fill=\"#1f2933\">{E(title)} <tspan fill=\"#6b7785\" font-weight=\"400\">({E(unit)}, {(lowerIsBetter ? "lower" : "higher")} is better)</tspan></text>");
        var y = 26;
        foreach (var group in groups)
        {
            svg.Append($"<text x=\"0\" y=\"{y + BarHeight + 4}\" font-size=\"12\" fill=\"#1f2933\">{E(group.Label)}</text>");
            Bar(svg, y, group.Before, max, plot, "#9aa5b1", "before");
            Bar(svg, y + BarHeight, group.After, max, plot, "#2f6fde", "after");
            y += 2 * BarHeight + GroupGap;
        }
        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Bar(StringBuilder svg, int y, double? value, double max, int plot, string colour, string kind)
    {
        var width = value is { } v ? Math.Max(1, v / max * plot) : 0;
        svg.Append($"<rect class=\"{kind}\" x=\"{LabelWidth}\" y=\"{y + 1}\" width=\"{N(width, "0.#")}\" height=\"{BarHeight - 2}\" fill=\"{colour}\"/>");
        var text = value is { } shown ? N(shown, shown >= 100 ? "#,0" : "0.##") : "not measured";
        svg.Append($"<text x=\"{N(LabelWidth + width + 4)}\" y=\"{y + BarHeight - 3}\" font-size=\"11\" fill=\"#3e4c59\">{text}</text>");
    }
}
