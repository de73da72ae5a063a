using System.Buffers.Binary;

namespace Chezlepro.Mqtt.Packets;

/// <summary>UNSUBACK (§3.11), Remaining Length 2.</summary>
internal sealed record UnsubAckPacket(ushort PacketId) : MqttPacket
{
    public static DecodeResult Decode(byte flags, ReadOnlySpan<byte> body, bool v5 = false)
    {
        if (flags != 0) return DecodeResult.Fail("UNSUBACK with non-zero flags [MQTT-2.2.2-2]");
        if (v5)
        {
            if (body.Length < 3) return DecodeResult.Fail("UNSUBACK too short (§3.11)");
            var error = MqttProperties.TryRead(body[2..], out _, out var used);
            if (error is not null) return DecodeResult.Fail("UNSUBACK properties: " + error);
            if (2 + used >= body.Length) return DecodeResult.Fail("UNSUBACK without a reason code (§3.11.3)");
            return DecodeResult.Ok(new UnsubAckPacket(BinaryPrimitives.ReadUInt16BigEndian(body)));
        }
        if (body.Length != 2) return DecodeResult.Fail("UNSUBACK Remaining Length must be 2 (§3.11.1)");
        return DecodeResult.Ok(new UnsubAckPacket(BinaryPrimitives.ReadUInt16BigEndian(body)));
    }
}
