using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Chezlepro.Contracts.Json;

/// <summary>
/// Timestamps as contract.md writes them: RFC 3339, UTC, milliseconds (<c>2026-11-21T14:03:10.123Z</c>).
/// Reading accepts any RFC 3339 offset and converts to UTC; a time without an offset is rejected,
/// because its meaning would depend on the reader's time zone.
/// </summary>
public sealed class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    /// <inheritdoc />
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException("timestamp must be a string");
        var text = reader.GetString()!;
        if (text.Length < 20 || text.Length > 40) throw new JsonException("timestamp is not RFC 3339");
        var last = text[^1];
        var hasOffset = last is 'Z' or 'z' || text.LastIndexOfAny(['+', '-']) > 18;
        if (!hasOffset || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            throw new JsonException("timestamp is not RFC 3339 with an offset");
        return value.ToUniversalTime();
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        Span<char> buffer = stackalloc char[24];
        value.UtcDateTime.TryFormat(buffer, out var written, Format, CultureInfo.InvariantCulture);
        writer.WriteStringValue(buffer[..written]);
    }
}
