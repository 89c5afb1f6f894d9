using System.Globalization;

namespace SysDesignLab.Progress;

/// <summary>
/// Timestamps are stored as round-trip ISO-8601 text in UTC: exact to the tick, readable with the
/// sqlite3 shell when someone has to look at a learner's file, and independent of the machine's zone.
/// </summary>
internal static class StoredTime
{
    private const string Format = "O";

    public static string ToText(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromText(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None);

    public static DateTimeOffset Normalise(DateTimeOffset value) => FromText(ToText(value));
}
