namespace Chezlepro.Mqtt.Packets;

/// <summary>DISCONNECT (§3.14): <c>E0 00</c>; the broker then discards the will [MQTT-3.14.4-3].</summary>
internal static class DisconnectPacket
{
    /// <summary>A server DISCONNECT (MQTT 5 only, §3.14): reason code and optional reason string.</summary>
    public static DecodeResult DecodeFromServer(byte flags, ReadOnlySpan<byte> body)
    {
        if (flags != 0) return DecodeResult.Fail("DISCONNECT with non-zero flags [MQTT-2.2.2-2]");
        var reason = body.Length == 0 ? (byte)0 : body[0];
        string? text = null;
        if (body.Length > 1)
        {
            var error = MqttProperties.TryRead(body[1..], out var set, out _);
            if (error is not null) return DecodeResult.Fail("DISCONNECT properties: " + error);
            text = set.ReasonString;
        }
        return DecodeResult.Ok(new ServerDisconnectPacket(reason, text));
    }

    public static byte[] Encode() => [(byte)MqttPacketType.Disconnect << 4, 0];
}

/// <summary>The broker's DISCONNECT (MQTT 5): why it is closing the connection.</summary>
internal sealed record ServerDisconnectPacket(byte ReasonCode, string? ReasonString) : MqttPacket;
