using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Chezlepro.Health.Http;

/// <summary>
/// Deserialises reply DTOs leniently: PVE's Perl backend sends booleans as 0/1 and some numbers as strings
/// (reference §5.9); unknown members are ignored so new fields in PVE 9 / PBS 4 do not break parsing.
/// </summary>
internal static class TolerantJson
{
    /// <summary>Reads <paramref name="element"/> as <typeparamref name="T"/>, one of the replies of <see cref="ReplyJsonContext"/>.</summary>
    public static T Read<T>(JsonElement element, string where)
    {
        // Generated metadata, not reflection: the agent ships as Native AOT, where reflection over T is gone.
        var info = ReplyJsonContext.Default.GetTypeInfo(typeof(T)) as JsonTypeInfo<T>
            ?? throw new InvalidOperationException($"{typeof(T).Name} is not in ReplyJsonContext: add a [JsonSerializable] for it.");
        try
        {
            return element.Deserialize(info)
                ?? throw new ApiException(ApiFailureKind.InvalidReply, $"{where}: reply 'data' is null");
        }
        catch (JsonException ex)
        {
            throw new ApiException(ApiFailureKind.InvalidReply, $"{where}: unexpected reply shape at {ex.Path ?? "$"}");
        }
    }

    internal sealed class FlexibleBooleanConverter : JsonConverter<bool>
    {
        public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            reader.TokenType switch
            {
                JsonTokenType.True => true,
                JsonTokenType.False => false,
                JsonTokenType.Number => reader.GetDouble() != 0,
                JsonTokenType.String => reader.GetString() is { } s && (s == "1" || s.Equals("true", StringComparison.OrdinalIgnoreCase)),
                _ => throw new JsonException("expected a boolean or 0/1"),
            };

        public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) =>
            writer.WriteBooleanValue(value);
    }

    internal sealed class FlexibleInt64Converter : JsonConverter<long>
    {
        public override long Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            if (reader.TokenType == JsonTokenType.Number)
                return reader.TryGetInt64(out var l) ? l : (long)reader.GetDouble();
            if (reader.TokenType == JsonTokenType.String
                && double.TryParse(reader.GetString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var d))
                return (long)d;
            throw new JsonException("expected an integer");
        }

        public override void Write(Utf8JsonWriter writer, long value, JsonSerializerOptions options) =>
            writer.WriteNumberValue(value);
    }
}
