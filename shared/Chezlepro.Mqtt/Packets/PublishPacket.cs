using System.Buffers.Binary;

namespace Chezlepro.Mqtt.Packets;

/// <summary>PUBLISH (§3.3). <see cref="PacketId"/> is 0 for QoS 0 [MQTT-2.3.1-5].</summary>
internal sealed record PublishPacket(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQualityOfService Qos,
    bool Retain,
    bool Dup,
    ushort PacketId) : MqttPacket
{
    /// <summary>Encodes with an already validated UTF-8 topic.</summary>
    public static byte[] Encode(ReadOnlySpan<byte> topic, ReadOnlySpan<byte> payload, MqttQualityOfService qos, bool retain, bool dup, ushort packetId)
    {
        // [MQTT-3.3.1-2]: DUP is 0 for QoS 0.
        var first = (byte)(((byte)MqttPacketType.Publish << 4) | (dup && qos > 0 ? 0x08 : 0) | ((byte)qos << 1) | (retain ? 1 : 0));
        var length = 2 + topic.Length + (qos > 0 ? 2 : 0) + payload.Length;
        var b = new PacketBuilder(first, length);
        b.WriteLengthPrefixed(topic);
        if (qos > 0) b.WriteUInt16(packetId);
        b.WriteBytes(payload);
        return b.ToArray();
    }

    public static DecodeResult Decode(byte flags, ReadOnlySpan<byte> body)
    {
        var qos = (flags >> 1) & 3;
        // [MQTT-3.3.1-4]: QoS bits 11 are malformed. QoS 2 is never requested by this client (§3.8.4-6 caps delivery).
        if (qos == 3) return DecodeResult.Fail("PUBLISH with QoS 3 [MQTT-3.3.1-4]");
        if (qos == 2) return DecodeResult.Fail("PUBLISH with QoS 2, never subscribed at that level");
        var dup = (flags & 0x08) != 0;
        if (dup && qos == 0) return DecodeResult.Fail("PUBLISH with DUP on QoS 0 [MQTT-3.3.1-2]");
        if (!MqttWire.TryReadString(body, out var topic, out var used, out var error)) return DecodeResult.Fail("PUBLISH topic: " + error);
        if (topic.Length == 0) return DecodeResult.Fail("PUBLISH with an empty topic [MQTT-4.7.3-1]");
        if (topic.AsSpan().IndexOfAny('+', '#') >= 0) return DecodeResult.Fail("PUBLISH topic holds a wildcard [MQTT-3.3.2-2]");
        ushort id = 0;
        if (qos > 0)
        {
            if (body.Length < used + 2) return DecodeResult.Fail("PUBLISH too short for its packet identifier");
            id = BinaryPrimitives.ReadUInt16BigEndian(body[used..]);
            if (id == 0) return DecodeResult.Fail("PUBLISH with packet identifier 0 [MQTT-2.3.1-1]");
            used += 2;
        }
        var payload = body[used..].ToArray();
        return DecodeResult.Ok(new PublishPacket(topic, payload, (MqttQualityOfService)qos, (flags & 1) != 0, dup, id));
    }
}
