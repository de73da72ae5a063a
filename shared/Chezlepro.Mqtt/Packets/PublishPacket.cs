using System.Buffers.Binary;

namespace Chezlepro.Mqtt.Packets;

/// <summary>PUBLISH (§3.3). <see cref="PacketId"/> is 0 for QoS 0 [MQTT-2.3.1-5].</summary>
internal sealed record PublishPacket(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQualityOfService Qos,
    bool Retain,
    bool Dup,
    ushort PacketId,
    MqttPropertySet? Properties = null) : MqttPacket
{
    /// <summary>
    /// Encodes with an already validated UTF-8 topic. <paramref name="properties"/> is the MQTT 5 property block
    /// (at least the byte 0), empty for 3.1.1.
    /// </summary>
    public static byte[] Encode(ReadOnlySpan<byte> topic, ReadOnlySpan<byte> payload, MqttQualityOfService qos, bool retain, bool dup, ushort packetId,
        ReadOnlySpan<byte> properties = default)
    {
        // [MQTT-3.3.1-2]: DUP is 0 for QoS 0.
        var first = (byte)(((byte)MqttPacketType.Publish << 4) | (dup && qos > 0 ? 0x08 : 0) | ((byte)qos << 1) | (retain ? 1 : 0));
        var length = 2 + topic.Length + (qos > 0 ? 2 : 0) + properties.Length + payload.Length;
        var b = new PacketBuilder(first, length);
        b.WriteLengthPrefixed(topic);
        if (qos > 0) b.WriteUInt16(packetId);
        b.WriteBytes(properties);
        b.WriteBytes(payload);
        return b.ToArray();
    }

    /// <summary>Where the packet identifier of an encoded QoS 1 PUBLISH sits: right after the topic (§3.3.2.2).</summary>
    public static int PacketIdOffset(byte[] packet)
    {
        var offset = 1 + RemainingLength.TryRead(packet.AsSpan(1), out _);
        return offset + 2 + BinaryPrimitives.ReadUInt16BigEndian(packet.AsSpan(offset));
    }

    public static DecodeResult Decode(byte flags, ReadOnlySpan<byte> body, bool v5 = false)
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
        MqttPropertySet? properties = null;
        if (v5)
        {
            var error2 = MqttProperties.TryRead(body[used..], out var set, out var n);
            if (error2 is not null) return DecodeResult.Fail("PUBLISH properties: " + error2);
            // We announce no Topic Alias Maximum, so the server must not use aliases [MQTT-3.2.2-18 mirror, §3.3.2.3.4].
            if (set.TopicAlias is not null) return DecodeResult.Fail("PUBLISH with a topic alias we never allowed (§3.3.2.3.4)");
            properties = set;
            used += n;
        }
        var payload = body[used..].ToArray();
        return DecodeResult.Ok(new PublishPacket(topic, payload, (MqttQualityOfService)qos, (flags & 1) != 0, dup, id, properties));
    }
}
