using Chezlepro.Mqtt.Packets;

namespace Chezlepro.Mqtt.Tests.Packets;

public sealed class RemainingLengthTests
{
    // §2.2.3 table: the edges of each byte count.
    [Theory]
    [InlineData(0, new byte[] { 0x00 })]
    [InlineData(127, new byte[] { 0x7F })]
    [InlineData(128, new byte[] { 0x80, 0x01 })]
    [InlineData(16_383, new byte[] { 0xFF, 0x7F })]
    [InlineData(16_384, new byte[] { 0x80, 0x80, 0x01 })]
    [InlineData(2_097_151, new byte[] { 0xFF, 0xFF, 0x7F })]
    [InlineData(2_097_152, new byte[] { 0x80, 0x80, 0x80, 0x01 })]
    [InlineData(268_435_455, new byte[] { 0xFF, 0xFF, 0xFF, 0x7F })]
    public void Write_Edges_MatchSpecTable(int value, byte[] expected)
    {
        var buffer = new byte[4];
        var n = RemainingLength.Write(buffer, value);
        Assert.Equal(expected, buffer[..n]);
        Assert.Equal(expected.Length, RemainingLength.SizeOf(value));
        Assert.Equal(n, RemainingLength.TryRead(buffer, out var back));
        Assert.Equal(value, back);
    }

    [Fact]
    public void TryRead_FifthContinuationByte_Malformed() =>
        Assert.Equal(-1, RemainingLength.TryRead([0xFF, 0xFF, 0xFF, 0xFF, 0x01], out _));

    [Fact]
    public void TryRead_Truncated_NeedsMore() =>
        Assert.Equal(0, RemainingLength.TryRead([0x80, 0x80], out _));

    [Fact]
    public void Write_AboveMax_Throws() =>
        Assert.Throws<MqttProtocolException>(() => RemainingLength.Write(new byte[5], RemainingLength.Max + 1));
}
