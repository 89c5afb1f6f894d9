using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SysDesignLab.Scenarios.Manifest;

/// <summary>
/// A criterion's "where": what the learner reads when it fails. Either one text
/// (<c>"where": "…"</c>, the <see cref="DefaultKey"/> message) or one text per failure cause
/// (<c>"where": { "timeouts": "…", "wrongBody": "…", "slow": "…", "default": "…" }</c>), so a fix that
/// returns empty pages is not told that its requests are slow. Keys are checked by the validator
/// against <see cref="Keys"/>, so a misspelt one is a manifest error rather than a message never shown.
/// </summary>
[JsonConverter(typeof(WhereMessagesConverter))]
public sealed class WhereMessages
{
    /// <summary>The message for any cause without one of its own (crashes excepted, see CauseMessages).</summary>
    public const string DefaultKey = "default";

    /// <summary>Every key an object "where" may hold: one per failure cause, then the default.</summary>
    public static readonly IReadOnlyList<string> Keys =
        ["crash", "timeouts", "wrongBody", "connection", "serverError", "clientError", "otherErrors", "slow", DefaultKey];

    private readonly Dictionary<string, string> _messages;

    public WhereMessages(IReadOnlyDictionary<string, string> messages, bool written = false)
    {
        ArgumentNullException.ThrowIfNull(messages);
        _messages = new Dictionary<string, string>(messages, StringComparer.Ordinal);
        WrittenAsText = written;
    }

    /// <summary>The text form: one message for every cause.</summary>
    public static WhereMessages FromString(string? text) =>
        new(text is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [DefaultKey] = text }, written: true);

    /// <summary>True when the manifest gave one text rather than an object.</summary>
    public bool WrittenAsText { get; }

    /// <summary>Every message by key, as the manifest wrote them.</summary>
    public IReadOnlyDictionary<string, string> Messages => _messages;

    /// <summary>The message for every cause without its own; null when the manifest gave none.</summary>
    public string? Default => _messages.GetValueOrDefault(DefaultKey);

    /// <summary>The manifest's own message for a cause key (not the default); null when it has none.</summary>
    public string? For(string causeKey) => _messages.GetValueOrDefault(causeKey);

    public bool TryGet(string key, [NotNullWhen(true)] out string? message) => _messages.TryGetValue(key, out message);

    /// <summary>Probes and plug-ins word their own results with the one message that fits every cause.</summary>
    public override string ToString() => Default ?? "";

    // Probes, plug-ins and tests use "where" as one text, as before it had causes.
    public static implicit operator WhereMessages(string? text) => FromString(text);

    public static implicit operator string(WhereMessages? where) => where?.ToString() ?? "";
}

/// <summary>Reads "where" as a text or an object of texts; writes it back the same way.</summary>
internal sealed class WhereMessagesConverter : JsonConverter<WhereMessages>
{
    public override WhereMessages Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return WhereMessages.FromString(reader.GetString());
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("\"where\" must be a text, or an object with one text per cause (e.g. { \"timeouts\": \"…\", \"default\": \"…\" })");
        }
        var messages = new Dictionary<string, string>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var key = reader.GetString()!;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new JsonException($"\"where\".{key} must be a text");
            }
            messages[key] = reader.GetString()!;
        }
        return new WhereMessages(messages);
    }

    public override void Write(Utf8JsonWriter writer, WhereMessages value, JsonSerializerOptions options)
    {
        if (value.WrittenAsText)
        {
            writer.WriteStringValue(value.ToString());
            return;
        }
        writer.WriteStartObject();
        foreach (var (key, message) in value.Messages)
        {
            writer.WriteString(key, message);
        }
        writer.WriteEndObject();
    }
}
