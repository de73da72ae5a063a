using Chezlepro.Mqtt.Packets;

namespace Chezlepro.Mqtt.Tests.Packets;

public sealed class MqttPacketDecoderTests
{
    private const int Max = 1024 * 1024;

    private static DecodeResult Decode(params byte[] bytes) => MqttPacketDecoder.Decode(bytes, Max);

    [Fact]
    public void Decode_ConnAckAccepted_SessionPresent()
    {
        var r = Decode(0x20, 2, 1, 0);
        Assert.Equal(DecodeStatus.Packet, r.Status);
        Assert.Equal(new ConnAckPacket(true, 0), r.Packet);
        Assert.Equal(4, r.Consumed);
    }

    [Fact]
    public void Decode_ConnAckRefused_ReturnCodeKept() =>
        Assert.Equal(new ConnAckPacket(false, 5), Decode(0x20, 2, 0, 5).Packet);

    [Theory]
    [InlineData(new byte[] { 0x21, 2, 0, 0 })] // flags must be 0000 [MQTT-2.2.2-2]
    [InlineData(new byte[] { 0x20, 3, 0, 0, 0 })] // length must be 2
    [InlineData(new byte[] { 0x20, 2, 2, 0 })] // reserved ack flag
    [InlineData(new byte[] { 0x20, 2, 1, 5 })] // SP with refusal [MQTT-3.2.2-4]
    [InlineData(new byte[] { 0x36, 5, 0, 1, (byte)'t', 0, 1 })] // QoS 3 [MQTT-3.3.1-4]
    [InlineData(new byte[] { 0x34, 5, 0, 1, (byte)'t', 0, 1 })] // QoS 2 never subscribed
    [InlineData(new byte[] { 0x38, 3, 0, 1, (byte)'t' })] // DUP on QoS 0 [MQTT-3.3.1-2]
    [InlineData(new byte[] { 0x32, 5, 0, 1, (byte)'t', 0, 0 })] // packet id 0 [MQTT-2.3.1-1]
    [InlineData(new byte[] { 0x32, 4, 0, 1, (byte)'t', 0 })] // id truncated
    [InlineData(new byte[] { 0x30, 3, 0, 1, (byte)'#' })] // wildcard in topic [MQTT-3.3.2-2]
    [InlineData(new byte[] { 0x30, 2, 0, 0 })] // empty topic [MQTT-4.7.3-1]
    [InlineData(new byte[] { 0x30, 3, 0, 1, 0x00 })] // U+0000 [MQTT-1.5.3-2]
    [InlineData(new byte[] { 0x30, 4, 0, 2, 0xC0, 0x80 })] // overlong NUL [MQTT-1.5.3-1]
    [InlineData(new byte[] { 0x30, 5, 0, 3, 0xED, 0xA0, 0x80 })] // surrogate U+D800 [MQTT-1.5.3-1]
    [InlineData(new byte[] { 0x30, 3, 0, 5, (byte)'t' })] // string runs past the packet
    [InlineData(new byte[] { 0x40, 2, 0, 0 })] // PUBACK id 0
    [InlineData(new byte[] { 0x40, 3, 0, 1, 0 })] // PUBACK length 3
    [InlineData(new byte[] { 0x90, 3, 0, 1, 0x03 })] // SUBACK reserved code [MQTT-3.9.3-2]
    [InlineData(new byte[] { 0x90, 2, 0, 1 })] // SUBACK without codes
    [InlineData(new byte[] { 0xD0, 1, 0 })] // PINGRESP length 1
    [InlineData(new byte[] { 0x50, 2, 0, 1 })] // PUBREC: QoS 2 flow
    [InlineData(new byte[] { 0x10, 0 })] // CONNECT from a server
    [InlineData(new byte[] { 0x00, 0 })] // reserved type 0
    [InlineData(new byte[] { 0xF0, 0 })] // reserved type 15
    [InlineData(new byte[] { 0x30, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })] // 5-byte Remaining Length
    public void Decode_Malformed_ProtocolError(byte[] bytes)
    {
        var r = MqttPacketDecoder.Decode(bytes, Max);
        Assert.Equal(DecodeStatus.Error, r.Status);
        Assert.False(string.IsNullOrEmpty(r.Error));
    }

    [Fact]
    public void Decode_Truncated_NeedsMoreWithTotal()
    {
        var whole = new byte[] { 0x30, 5, 0, 1, (byte)'t', (byte)'h', (byte)'i' };
        for (var n = 0; n < whole.Length; n++)
            Assert.Equal(DecodeStatus.NeedMore, MqttPacketDecoder.Decode(whole.AsSpan(0, n), Max).Status);
        Assert.Equal(7, MqttPacketDecoder.Decode(whole.AsSpan(0, 3), Max).Needed);
        var r = MqttPacketDecoder.Decode(whole, Max);
        var publish = Assert.IsType<PublishPacket>(r.Packet);
        Assert.Equal("t", publish.Topic);
        Assert.Equal("hi"u8.ToArray(), publish.Payload.ToArray());
    }

    [Fact]
    public void Decode_Claimed256MbPacket_ErrorBeforeAnyBody()
    {
        // FF FF FF 7F claims 268 435 455 bytes; only the header is present, and nothing is allocated for the body.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var r = MqttPacketDecoder.Decode(new byte[] { 0x30, 0xFF, 0xFF, 0xFF, 0x7F }, Max);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(DecodeStatus.Error, r.Status);
        Assert.Contains("exceeds the limit", r.Error);
        Assert.True(allocated < 64 * 1024, $"allocated {allocated} bytes");
    }

    [Fact]
    public void Decode_TwoPacketsInBuffer_ConsumesFirstOnly()
    {
        var r = Decode(0xD0, 0, 0x40, 2, 0, 9);
        Assert.IsType<PingRespPacket>(r.Packet);
        Assert.Equal(2, r.Consumed);
    }

    [Fact]
    public void Decode_SubAckFailureCode_Kept()
    {
        var ack = Assert.IsType<SubAckPacket>(Decode(0x90, 4, 0, 3, 0x01, 0x80).Packet);
        Assert.Equal(3, ack.PacketId);
        Assert.Equal(new byte[] { 1, 0x80 }, ack.ReturnCodes);
    }

    [Fact]
    public void Decode_PublishQos1RetainDup_FlagsKept()
    {
        var p = Assert.IsType<PublishPacket>(Decode(0x3B, 5, 0, 1, (byte)'t', 0, 9).Packet);
        Assert.Equal(MqttQualityOfService.AtLeastOnce, p.Qos);
        Assert.True(p.Retain);
        Assert.True(p.Dup);
        Assert.Equal(9, p.PacketId);
        Assert.Equal(0, p.Payload.Length);
    }
}

public sealed class MqttPacketDecoderV5Tests
{
    private static DecodeResult Decode(params byte[] bytes) => MqttPacketDecoder.Decode(bytes, 1 << 20, protocolLevel: 5);

    [Fact]
    public void Decode_V5PubAckShortForm_Success() => Assert.Equal(new PubAckPacket(7), Decode(0x40, 2, 0, 7).Packet);

    [Fact]
    public void Decode_V5PubAckNotAuthorized_ReasonKept() => Assert.Equal(0x87, ((PubAckPacket)Decode(0x40, 4, 0, 7, 0x87, 0).Packet!).ReasonCode);

    [Fact]
    public void Decode_V5ConnAckWithReceiveMaximum_Parsed()
    {
        var ack = (ConnAckPacket)Decode(0x20, 6, 0, 0, 3, 0x21, 0x00, 0x05).Packet!;
        Assert.Equal((ushort)5, ack.Properties!.ReceiveMaximum);
    }

    [Theory]
    [InlineData(new byte[] { 0x20, 6, 0, 0, 3, 0x21, 0x00, 0x00 })] // Receive Maximum 0
    [InlineData(new byte[] { 0x20, 4, 0, 0, 1, 0x7F })] // unknown property id
    [InlineData(new byte[] { 0x20, 4, 0, 0, 5, 0x11 })] // block runs past the packet
    [InlineData(new byte[] { 0x30, 7, 0, 1, (byte)'t', 3, 0x23, 0, 1 })] // topic alias we never allowed
    [InlineData(new byte[] { 0x40, 5, 0, 7, 0x87, 1, 0x1F })] // truncated reason string
    public void Decode_V5Malformed_ProtocolError(byte[] bytes) => Assert.Equal(DecodeStatus.Error, MqttPacketDecoder.Decode(bytes, 1 << 20, 5).Status);

    [Fact]
    public void Decode_V5ServerDisconnect_ReasonKept() =>
        Assert.Equal(new ServerDisconnectPacket(0x8E, null), Decode(0xE0, 2, 0x8E, 0).Packet);

    [Fact]
    public void ConnectEncode_V5_PropertiesAndWillProperties()
    {
        var bytes = ConnectPacket.Encode(new ConnectPacket("c"u8.ToArray(), true, 10, null, null, "w"u8.ToArray(), "x"u8.ToArray(),
            MqttQualityOfService.AtMostOnce, false, 5, MqttProperties.Encode([(MqttProperties.SessionExpiry, 60)], null), null));
        byte[] expected =
        [
            0x10, 26, 0, 4, (byte)'M', (byte)'Q', (byte)'T', (byte)'T', 5, 0x06, 0, 10,
            5, 0x11, 0, 0, 0, 60, // properties: session expiry 60
            0, 1, (byte)'c',
            0, // empty will properties
            0, 1, (byte)'w', 0, 1, (byte)'x',
        ];
        Assert.Equal(expected, bytes);
    }
}
