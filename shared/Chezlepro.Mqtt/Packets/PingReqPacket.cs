namespace Chezlepro.Mqtt.Packets;

/// <summary>PINGREQ (§3.12): <c>C0 00</c>.</summary>
internal static class PingReqPacket
{
    public static byte[] Encode() => [(byte)MqttPacketType.PingReq << 4, 0];
}
