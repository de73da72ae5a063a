namespace Chezlepro.Mqtt.Packets;

/// <summary>DISCONNECT (§3.14): <c>E0 00</c>; the broker then discards the will [MQTT-3.14.4-3].</summary>
internal static class DisconnectPacket
{
    public static byte[] Encode() => [(byte)MqttPacketType.Disconnect << 4, 0];
}
