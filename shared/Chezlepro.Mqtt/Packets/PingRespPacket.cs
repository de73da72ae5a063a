namespace Chezlepro.Mqtt.Packets;

/// <summary>PINGRESP (§3.13): <c>D0 00</c>.</summary>
internal sealed record PingRespPacket : MqttPacket
{
    public static readonly PingRespPacket Instance = new();

    public static DecodeResult Decode(byte flags, ReadOnlySpan<byte> body) =>
        flags != 0 ? DecodeResult.Fail("PINGRESP with non-zero flags [MQTT-2.2.2-2]")
        : body.Length != 0 ? DecodeResult.Fail("PINGRESP Remaining Length must be 0 (§3.13.1)")
        : DecodeResult.Ok(Instance);
}
