using System.Globalization;

namespace SysDesignLab.Web.Html;

/// <summary>Figures as the pages show them, whatever the machine's culture. Encoding is Razor's job, not this one's.</summary>
public static class Format
{
    public static string N(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Ms(double value) => value >= 1000 ? $"{N(value / 1000, "0.00")} s" : $"{N(value, "0.0")} ms";

    public static string Percent(double fraction) => $"{N(fraction * 100, "0.0")}%";
}
