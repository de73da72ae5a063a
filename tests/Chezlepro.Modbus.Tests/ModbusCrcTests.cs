namespace Chezlepro.Modbus.Tests;

public class ModbusCrcTests
{
    [Theory]
    [InlineData("02030000002705E3")]
    [InlineData("01030000002705D0")]
    [InlineData("010300690023D40F")]
    [InlineData("0103002D005B9438")]
    [InlineData("010300130011 7403")]
    [InlineData("1003000000270691")]
    [InlineData("010400000028F014")]
    public void Compute_FramesFromReference_ReproducesTheirCrc(string hex)
    {
        var frame = Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(frame, ModbusCrc.Append(frame.AsSpan(0, frame.Length - 2)));
        Assert.True(ModbusCrc.IsValid(frame));
    }

    [Fact]
    public void IsValid_Eg4WorkedReply_LeavesZero()
    {
        var reply = Convert.FromHexString(
            "02034E14C0FB1E0CF60CF90CF80CFA0CF70CF80CF90CF60CF80CFA0CF80CF70CF90CF80CF80CF7001B001800190044006400640044000200000000000000000098157 52A001818171800000010 03E800009F27"
                .Replace(" ", "", StringComparison.Ordinal));
        Assert.Equal(83, reply.Length);
        Assert.True(ModbusCrc.IsValid(reply));
        reply[10] ^= 0x01;
        Assert.False(ModbusCrc.IsValid(reply));
    }
}
