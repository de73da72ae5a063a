using System.Buffers.Binary;

namespace Chezlepro.Mqtt.Packets;

/// <summary>PUBACK (§3.4): the QoS 1 acknowledgement, same id as the PUBLISH [MQTT-2.3.1-6].</summary>
internal sealed record PubAckPacket(ushort PacketId) : MqttPacket
{
    public static byte[] Encode(ushort packetId)
    {
        var b = new PacketBuilder((byte)MqttPacketType.PubAck << 4, 2);
        b.WriteUInt16(packetId);
        return b.ToArray();
    }

    public static DecodeResult Decode(byte flags, ReadOnlySpan<byte> body)
    {
        if (flags != 0) return DecodeResult.Fail("PUBACK with non-zero flags [MQTT-2.2.2-2]");
        // v3.1.1 PUBACK is exactly 2 bytes (§3.4.1).
        if (body.Length != 2) return DecodeResult.Fail("PUBACK Remaining Length must be 2 (§3.4.1)");
        var id = BinaryPrimitives.ReadUInt16BigEndian(body);
        return id == 0 ? DecodeResult.Fail("PUBACK with packet identifier 0 [MQTT-2.3.1-1]") : DecodeResult.Ok(new PubAckPacket(id));
    }
}
