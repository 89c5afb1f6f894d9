using System.Text.Json;

namespace SysDesignLab.LoadTesting;

/// <summary>A <see cref="SessionSpec"/> compiled for a run: the login endpoint and how to read its capture.</summary>
internal sealed class SessionLogin(CompiledEndpoint endpoint, string capture)
{
    public CompiledEndpoint Endpoint { get; } = endpoint;

    /// <returns>The top-level property as text (strings unquoted, numbers as written), or null when absent.</returns>
    public string? TryCapture(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty(capture, out var value))
            {
                return null;
            }

            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
                _ => null,
            };
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
