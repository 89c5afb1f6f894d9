using System.Text.Json;

namespace SysDesignLab.LoadTesting;

/// <summary>Counts the items of a top-level JSON array straight from the bytes, without building a DOM.</summary>
internal static class JsonArrayCounter
{
    /// <returns>False when the bytes are not exactly one well-formed JSON array.</returns>
    public static bool TryCount(ReadOnlySpan<byte> json, out int count)
    {
        count = 0;
        if (json.StartsWith("\uFEFF"u8))
        {
            json = json[3..];
        }

        try
        {
            var reader = new Utf8JsonReader(json);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
            {
                return false;
            }

            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.EndArray:
                        // Reading past the end throws on trailing garbage such as "[1] [2]".
                        return !reader.Read();
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        count++;
                        reader.Skip();
                        break;
                    default:
                        count++;
                        break;
                }
            }

            return false;
        }
        catch (JsonException)
        {
            count = 0;
            return false;
        }
    }
}
