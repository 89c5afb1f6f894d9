using System.Globalization;
using System.Net;

namespace SysDesignLab.Web.Html;

/// <summary>Small helpers for server-rendered markup: every text that reaches HTML goes through <see cref="E"/>.</summary>
internal static class Html
{
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    public static string N(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Ms(double value) => value >= 1000 ? $"{N(value / 1000, "0.00")} s" : $"{N(value, "0.0")} ms";

    public static string Percent(double fraction) => $"{N(fraction * 100, "0.0")}%";
}
