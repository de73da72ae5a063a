using Chezlepro.Mqtt.Packets;

namespace Chezlepro.Mqtt.Tests.Packets;

/// <summary>Golden bytes, worked out by hand from §3.</summary>
public sealed class PacketEncodingTests
{
    [Fact]
    public void ConnectEncode_AllFields_GoldenBytes()
    {
        var bytes = ConnectPacket.Encode(new ConnectPacket("c1"u8.ToArray(), CleanSession: true, KeepAliveSeconds: 30,
            "u"u8.ToArray(), "p"u8.ToArray(), "w/t"u8.ToArray(), "x"u8.ToArray(), MqttQualityOfService.AtLeastOnce, WillRetain: true));
        byte[] expected =
        [
            0x10, 28,
            0x00, 0x04, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 0x04,
            // user, password, will retain, will QoS 1, will flag, clean session
            0b1110_1110,
            0x00, 30,
            0x00, 0x02, (byte)'c', (byte)'1',
            0x00, 0x03, (byte)'w', (byte)'/', (byte)'t',
            0x00, 0x01, (byte)'x',
            0x00, 0x01, (byte)'u',
            0x00, 0x01, (byte)'p',
        ];
        Assert.Equal(expected, bytes);
    }

    [Fact]
    public void ConnectEncode_Minimal_NoOptionalFields()
    {
        var bytes = ConnectPacket.Encode(new ConnectPacket([], true, 0, null, null, null, default, MqttQualityOfService.AtMostOnce, false));
        Assert.Equal(new byte[] { 0x10, 12, 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 4, 0x02, 0, 0, 0, 0 }, bytes);
    }

    [Fact]
    public void ConnectEncode_PasswordWithoutUser_Throws() =>
        Assert.Throws<MqttProtocolException>(() => ConnectPacket.Encode(
            new ConnectPacket([], true, 0, null, "p"u8.ToArray(), null, default, MqttQualityOfService.AtMostOnce, false)));

    [Fact]
    public void PublishEncode_Qos1RetainDup_GoldenBytes()
    {
        var bytes = PublishPacket.Encode("a/b"u8, "hi"u8, MqttQualityOfService.AtLeastOnce, retain: true, dup: true, packetId: 0x1234);
        Assert.Equal(new byte[] { 0x3B, 9, 0, 3, (byte)'a', (byte)'/', (byte)'b', 0x12, 0x34, (byte)'h', (byte)'i' }, bytes);
    }

    [Fact]
    public void PublishEncode_Qos0_NoPacketIdAndNoDup()
    {
        var bytes = PublishPacket.Encode("t"u8, [], MqttQualityOfService.AtMostOnce, retain: false, dup: true, packetId: 7);
        // [MQTT-2.3.1-5] no id on QoS 0; [MQTT-3.3.1-2] DUP 0 on QoS 0.
        Assert.Equal(new byte[] { 0x30, 3, 0, 1, (byte)'t' }, bytes);
    }

    [Fact]
    public void SubscribeEncode_TwoFilters_GoldenBytes()
    {
        var bytes = SubscribePacket.Encode(10, [("a/#"u8.ToArray(), MqttQualityOfService.AtLeastOnce), ("b"u8.ToArray(), MqttQualityOfService.AtMostOnce)]);
        // Flags 0010 [MQTT-3.8.1-1].
        Assert.Equal(new byte[] { 0x82, 12, 0, 10, 0, 3, (byte)'a', (byte)'/', (byte)'#', 1, 0, 1, (byte)'b', 0 }, bytes);
    }

    [Fact]
    public void UnsubscribeEncode_GoldenBytes() =>
        Assert.Equal(new byte[] { 0xA2, 5, 0, 2, 0, 1, (byte)'a' }, UnsubscribePacket.Encode(2, ["a"u8.ToArray()]));

    [Fact]
    public void FixedPackets_GoldenBytes()
    {
        Assert.Equal(new byte[] { 0xC0, 0 }, PingReqPacket.Encode());
        Assert.Equal(new byte[] { 0xE0, 0 }, DisconnectPacket.Encode());
        Assert.Equal(new byte[] { 0x40, 2, 0xAB, 0xCD }, PubAckPacket.Encode(0xABCD));
    }
}
