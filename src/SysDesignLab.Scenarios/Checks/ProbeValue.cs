using System.Text.Json;

namespace SysDesignLab.Scenarios.Checks;

/// <summary>A probe's parameter value from the manifest, as SQL and as URL text.</summary>
internal static class ProbeValue
{
    public static object ToSql(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var l) => l,
        JsonValueKind.Number => value.GetDouble(),
        _ => value.GetString() ?? "",
    };

    public static string ToText(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
}
