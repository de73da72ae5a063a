using System.Buffers.Binary;

namespace Chezlepro.Mqtt.Packets;

/// <summary>SUBACK (§3.9): one return code per filter, in order [MQTT-3.9.3-1].</summary>
internal sealed record SubAckPacket(ushort PacketId, byte[] ReturnCodes) : MqttPacket
{
    /// <summary>The failure code (§3.9.3).</summary>
    public const byte Failure = 0x80;

    public static DecodeResult Decode(byte flags, ReadOnlySpan<byte> body)
    {
        if (flags != 0) return DecodeResult.Fail("SUBACK with non-zero flags [MQTT-2.2.2-2]");
        if (body.Length < 3) return DecodeResult.Fail("SUBACK without a return code (§3.9.3)");
        var codes = body[2..].ToArray();
        foreach (var c in codes)
        {
            // [MQTT-3.9.3-2]: 0x00, 0x01, 0x02 or 0x80 only.
            if (c is not (0 or 1 or 2 or Failure)) return DecodeResult.Fail($"SUBACK return code {c} is reserved [MQTT-3.9.3-2]");
        }
        return DecodeResult.Ok(new SubAckPacket(BinaryPrimitives.ReadUInt16BigEndian(body), codes));
    }
}
