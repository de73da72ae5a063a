using Chezlepro.Modbus.Transport;
using Chezlepro.Modbus.Tests.Fakes;

namespace Chezlepro.Modbus.Tests.Transport;

public class RtuFrameScannerTests
{
    private static readonly byte[] Reply = FakeByteLink.ReadReply(2, 3, 0, 4);

    [Fact]
    public void Scan_NoiseBeforeReply_FindsReplyAfterNoise()
    {
        byte[] buffer = [0x00, 0xFF, 0x55, .. Reply];
        Assert.Equal((3, Reply.Length), RtuFrameScanner.Scan(buffer, 2, 3));
    }

    [Fact]
    public void Scan_Truncated_NeedsMore() => Assert.Null(RtuFrameScanner.Scan(Reply.AsSpan(0, Reply.Length - 1), 2, 3));

    [Fact]
    public void Scan_WrongCrc_Throws()
    {
        var bad = (byte[])Reply.Clone();
        bad[^1] ^= 0xFF;
        var e = Assert.Throws<ModbusFrameException>(() => RtuFrameScanner.Scan(bad, 2, 3));
        Assert.Contains("CRC", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_ValidFrameFromOtherUnit_Throws()
    {
        var e = Assert.Throws<ModbusFrameException>(() => RtuFrameScanner.Scan(FakeByteLink.ReadReply(5, 3, 0, 4), 2, 3));
        Assert.Contains("unit 5", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scan_ExceptionFrame_IsFiveBytes()
    {
        var frame = ModbusCrc.Append([2, 0x83, 0x02]);
        Assert.Equal((0, 5), RtuFrameScanner.Scan(frame, 2, 3));
    }
}
