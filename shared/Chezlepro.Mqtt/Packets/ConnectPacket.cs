namespace Chezlepro.Mqtt.Packets;

/// <summary>CONNECT (§3.1). Strings are already validated UTF-8 bytes.</summary>
internal sealed record ConnectPacket(
    byte[] ClientId,
    bool CleanSession,
    ushort KeepAliveSeconds,
    byte[]? Username,
    byte[]? Password,
    byte[]? WillTopic,
    ReadOnlyMemory<byte> WillPayload,
    MqttQualityOfService WillQos,
    bool WillRetain,
    byte ProtocolLevel = ConnectPacket.ProtocolLevel311,
    byte[]? Properties = null,
    byte[]? WillProperties = null) : MqttPacket
{
    /// <summary>Protocol level 4 = MQTT 3.1.1 [MQTT-3.1.2-2].</summary>
    public const byte ProtocolLevel311 = 4;

    private static ReadOnlySpan<byte> ProtocolName => "\0\u0004MQTT"u8;

    public static byte[] Encode(ConnectPacket p)
    {
        // [MQTT-3.1.2-22]: a password needs a user name.
        if (p.Password is not null && p.Username is null)
            throw new MqttProtocolException("a password needs a user name [MQTT-3.1.2-22]");
        // MQTT 5 (§3.1.2.11, §3.1.3.2): a property block after Keep Alive and one before the will topic.
        var v5 = p.ProtocolLevel == 5;
        var properties = v5 ? p.Properties ?? [0] : [];
        var willProperties = v5 ? p.WillProperties ?? [0] : [];
        var length = ProtocolName.Length + 1 + 1 + 2 + properties.Length + 2 + p.ClientId.Length;
        byte flags = 0;
        if (p.CleanSession) flags |= 0x02;
        if (p.WillTopic is not null)
        {
            // §3.1.2.5–3.1.2.7: Will Flag, its QoS in bits 4–3, Will Retain bit 5.
            flags |= (byte)(0x04 | ((byte)p.WillQos << 3) | (p.WillRetain ? 0x20 : 0));
            length += willProperties.Length + 2 + p.WillTopic.Length + 2 + p.WillPayload.Length;
        }
        if (p.Username is not null)
        {
            flags |= 0x80;
            length += 2 + p.Username.Length;
        }
        if (p.Password is not null)
        {
            flags |= 0x40;
            length += 2 + p.Password.Length;
        }
        var b = new PacketBuilder((byte)MqttPacketType.Connect << 4, length);
        b.WriteBytes(ProtocolName);
        b.WriteByte(p.ProtocolLevel);
        b.WriteByte(flags);
        b.WriteUInt16(p.KeepAliveSeconds);
        b.WriteBytes(properties);
        // Payload order is fixed [MQTT-3.1.3-1]: client id, will topic, will message, user name, password.
        b.WriteLengthPrefixed(p.ClientId);
        if (p.WillTopic is not null)
        {
            b.WriteBytes(willProperties);
            b.WriteLengthPrefixed(p.WillTopic);
            b.WriteLengthPrefixed(p.WillPayload.Span);
        }
        if (p.Username is not null) b.WriteLengthPrefixed(p.Username);
        if (p.Password is not null) b.WriteLengthPrefixed(p.Password);
        return b.ToArray();
    }
}
