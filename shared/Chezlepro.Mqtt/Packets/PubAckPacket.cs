using System.Buffers.Binary;

namespace Chezlepro.Mqtt.Packets;

/// <summary>PUBACK (§3.4): the QoS 1 acknowledgement, same id as the PUBLISH [MQTT-2.3.1-6].</summary>
internal sealed record PubAckPacket(ushort PacketId, byte ReasonCode = 0, string? ReasonString = null) : MqttPacket
{
    public static byte[] Encode(ushort packetId)
    {
        var b = new PacketBuilder((byte)MqttPacketType.PubAck << 4, 2);
        b.WriteUInt16(packetId);
        return b.ToArray();
    }

    public static DecodeResult Decode(byte flags, ReadOnlySpan<byte> body, bool v5 = false)
    {
        if (flags != 0) return DecodeResult.Fail("PUBACK with non-zero flags [MQTT-2.2.2-2]");
        if (v5 && body.Length >= 2)
        {
            // §3.4.2.1: length 2 means success; the reason code and properties are optional.
            var v5Id = BinaryPrimitives.ReadUInt16BigEndian(body);
            if (v5Id == 0) return DecodeResult.Fail("PUBACK with packet identifier 0 [MQTT-2.3.1-1]");
            if (body.Length == 2) return DecodeResult.Ok(new PubAckPacket(v5Id));
            string? reason = null;
            if (body.Length > 3)
            {
                var error = MqttProperties.TryRead(body[3..], out var set, out var used);
                if (error is not null) return DecodeResult.Fail("PUBACK properties: " + error);
                if (3 + used != body.Length) return DecodeResult.Fail("PUBACK has bytes after its properties");
                reason = set.ReasonString;
            }
            return DecodeResult.Ok(new PubAckPacket(v5Id, body[2], reason));
        }
        // v3.1.1 PUBACK is exactly 2 bytes (§3.4.1).
        if (body.Length != 2) return DecodeResult.Fail("PUBACK Remaining Length must be 2 (§3.4.1)");
        var id = BinaryPrimitives.ReadUInt16BigEndian(body);
        return id == 0 ? DecodeResult.Fail("PUBACK with packet identifier 0 [MQTT-2.3.1-1]") : DecodeResult.Ok(new PubAckPacket(id));
    }
}
