using System.Buffers.Binary;

namespace Chezlepro.Mqtt.Packets;

/// <summary>SUBACK (§3.9): one return code per filter, in order [MQTT-3.9.3-1].</summary>
internal sealed record SubAckPacket(ushort PacketId, byte[] ReturnCodes) : MqttPacket
{
    /// <summary>The failure code (§3.9.3).</summary>
    public const byte Failure = 0x80;

    public static DecodeResult Decode(byte flags, ReadOnlySpan<byte> body, bool v5 = false)
    {
        if (flags != 0) return DecodeResult.Fail("SUBACK with non-zero flags [MQTT-2.2.2-2]");
        if (v5)
        {
            if (body.Length < 3) return DecodeResult.Fail("SUBACK too short (§3.9)");
            var error = MqttProperties.TryRead(body[2..], out _, out var used);
            if (error is not null) return DecodeResult.Fail("SUBACK properties: " + error);
            var v5Codes = body[(2 + used)..].ToArray();
            if (v5Codes.Length == 0) return DecodeResult.Fail("SUBACK without a reason code (§3.9.3)");
            // §3.9.3: granted QoS 0–2, or a failure code 0x80 and up.
            if (v5Codes.Any(c => c is > 2 and < 0x80)) return DecodeResult.Fail("SUBACK reason code is reserved (§3.9.3)");
            return DecodeResult.Ok(new SubAckPacket(BinaryPrimitives.ReadUInt16BigEndian(body), v5Codes));
        }
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
