using System.Buffers.Binary;

namespace Chezlepro.Mqtt.Packets;

/// <summary>UNSUBACK (§3.11), Remaining Length 2.</summary>
internal sealed record UnsubAckPacket(ushort PacketId) : MqttPacket
{
    public static DecodeResult Decode(byte flags, ReadOnlySpan<byte> body)
    {
        if (flags != 0) return DecodeResult.Fail("UNSUBACK with non-zero flags [MQTT-2.2.2-2]");
        if (body.Length != 2) return DecodeResult.Fail("UNSUBACK Remaining Length must be 2 (§3.11.1)");
        return DecodeResult.Ok(new UnsubAckPacket(BinaryPrimitives.ReadUInt16BigEndian(body)));
    }
}
