namespace Chezlepro.Mqtt.Packets;

/// <summary>
/// Streaming decoder of packets a server sends. Pure: bytes in, a packet, "need more" or an error out.
/// The length is checked against the caller's limit before anything is allocated, so a claimed 256 MB
/// packet costs nothing.
/// </summary>
internal static class MqttPacketDecoder
{
    /// <summary>Decodes the first packet of <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Bytes received and not yet consumed.</param>
    /// <param name="maxPacketSize">Largest whole packet (header included) accepted.</param>
    /// <param name="protocolLevel">4 for 3.1.1, 5 for MQTT 5 (property blocks, reason codes, server DISCONNECT).</param>
    public static DecodeResult Decode(ReadOnlySpan<byte> buffer, int maxPacketSize, byte protocolLevel = 4)
    {
        var v5 = protocolLevel == 5;
        if (buffer.Length < 2) return DecodeResult.More(0);
        var lengthBytes = RemainingLength.TryRead(buffer[1..], out var remaining);
        if (lengthBytes < 0) return DecodeResult.Fail("Remaining Length longer than 4 bytes (§2.2.3)");
        if (lengthBytes == 0) return DecodeResult.More(0);
        var total = 1L + lengthBytes + remaining;
        if (total > maxPacketSize) return DecodeResult.Fail($"incoming packet of {total} bytes exceeds the limit of {maxPacketSize}");
        if (buffer.Length < total) return DecodeResult.More((int)total);

        var type = (MqttPacketType)(buffer[0] >> 4);
        var flags = (byte)(buffer[0] & 0x0F);
        var body = buffer.Slice(1 + lengthBytes, remaining);
        var result = type switch
        {
            MqttPacketType.ConnAck => ConnAckPacket.Decode(flags, body, v5),
            MqttPacketType.Publish => PublishPacket.Decode(flags, body, v5),
            MqttPacketType.PubAck => PubAckPacket.Decode(flags, body, v5),
            MqttPacketType.SubAck => SubAckPacket.Decode(flags, body, v5),
            MqttPacketType.UnsubAck => UnsubAckPacket.Decode(flags, body, v5),
            MqttPacketType.Disconnect when v5 => DisconnectPacket.DecodeFromServer(flags, body),
            MqttPacketType.PingResp => PingRespPacket.Decode(flags, body),
            MqttPacketType.PubRec or MqttPacketType.PubRel or MqttPacketType.PubComp =>
                DecodeResult.Fail($"{type} belongs to QoS 2, which this client never uses"),
            // Types 0 and 15 are reserved; CONNECT, SUBSCRIBE, UNSUBSCRIBE, PINGREQ and DISCONNECT only flow client→server in 3.1.1.
            _ => DecodeResult.Fail($"packet type {(int)type} is not one a server sends (§2.2.1)"),
        };
        return result.Status == DecodeStatus.Packet ? result with { Consumed = (int)total } : result;
    }
}
