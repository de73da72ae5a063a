using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chezlepro.Agent.Outbox;

/// <summary>
/// Moves a stored payload's sequence numbers by a fixed offset when a fresh outbox adopts its node's watermark
/// (README.md, a lost outbox file): the envelope's <c>seq</c> (contract.md, every agent message) and, in a gaps
/// notice, the evicted <c>from</c>/<c>to</c> and its <c>ranges</c>, which name seqs of the same outbox.
/// </summary>
internal static class SeqShift
{
    private static readonly JsonWriterOptions Writer = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The payload with every seq it carries moved by <paramref name="offset"/>; throws on a payload without a readable <c>seq</c>.</summary>
    public static byte[] Apply(byte[] payload, long offset)
    {
        JsonObject root;
        try
        {
            root = JsonNode.Parse(payload) as JsonObject ?? throw new InvalidDataException("Outbox payload is not a JSON object.");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException("Outbox payload is not JSON: " + ex.Message, ex);
        }
        if (!Move(root, "seq", offset)) throw new InvalidDataException("Outbox payload has no integer 'seq'.");
        if (root["evicted"] is JsonObject evicted)
        {
            Move(evicted, "from", offset);
            Move(evicted, "to", offset);
            if (evicted["ranges"] is JsonArray ranges)
            {
                foreach (var span in ranges.OfType<JsonObject>())
                {
                    Move(span, "from", offset);
                    Move(span, "to", offset);
                }
            }
        }
        var buffer = new ArrayBufferWriter<byte>(payload.Length + 8);
        using (var writer = new Utf8JsonWriter(buffer, Writer)) root.WriteTo(writer);
        return buffer.WrittenSpan.ToArray();
    }

    private static bool Move(JsonObject obj, string name, long offset)
    {
        if (obj[name] is not JsonValue value || !value.TryGetValue<long>(out var seq)) return false;
        obj[name] = seq + offset;
        return true;
    }
}
