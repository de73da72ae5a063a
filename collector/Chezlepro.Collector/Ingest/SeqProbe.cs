using System.Text.Json;

namespace Chezlepro.Collector.Ingest;

/// <summary>
/// Reads the top-level <c>seq</c> of a payload the validator rejected, without trusting anything else in it: a forward
/// pass that stops at the first malformed byte (a seq read before it still counts).
/// </summary>
public static class SeqProbe
{
    /// <summary>The top-level <c>seq</c> when it is an integer ≥ 1; null otherwise.</summary>
    public static long? Read(ReadOnlySpan<byte> payload)
    {
        var reader = new Utf8JsonReader(payload, new JsonReaderOptions { MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return null;
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0) return null;
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1) continue;
                var isSeq = reader.ValueTextEquals("seq"u8);
                if (!reader.Read()) return null;
                if (isSeq) return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var seq) && seq >= 1 ? seq : null;
                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return null;
        }
        return null;
    }
}
