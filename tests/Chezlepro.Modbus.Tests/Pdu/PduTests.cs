using Chezlepro.Modbus.Pdu;

namespace Chezlepro.Modbus.Tests.Pdu;

public class PduTests
{
    [Fact]
    public void EncodeRequest_VictronExample_MatchesReferenceBytes()
    {
        // victron.md 1.8: read vebus registers 3..33 → PDU 03 00 03 00 1F.
        Assert.Equal(Convert.FromHexString("030003001F"), ReadHoldingRegistersPdu.EncodeRequest(3, 31));
        Assert.Equal(Convert.FromHexString("040050 0028".Replace(" ", "", StringComparison.Ordinal)), ReadInputRegistersPdu.EncodeRequest(0x50, 0x28));
    }

    [Fact]
    public void EncodeRequest_CountAbove125_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ReadHoldingRegistersPdu.EncodeRequest(0, 126));

    [Fact]
    public void DecodeResponse_RoundTrip_ReturnsValues()
    {
        ushort[] values = [0, 0xFFFF, 2305, 0xFE0C];
        Assert.Equal(values, ReadInputRegistersPdu.DecodeResponse(ReadInputRegistersPdu.EncodeResponse(values), 4));
    }

    [Theory]
    [InlineData("0304000100")]     // byte count 4, only 3 data bytes
    [InlineData("03")]             // truncated
    [InlineData("030200010002")]   // byte count says 1 register, 2 requested
    [InlineData("0404000100020000")] // wrong function, oversized
    public void DecodeResponse_Malformed_ThrowsFrameException(string hex) =>
        Assert.Throws<ModbusFrameException>(() => ReadHoldingRegistersPdu.DecodeResponse(Convert.FromHexString(hex), 2));

    [Fact]
    public void WriteMultiple_RoundTrip_DecodesRequestAndChecksEcho()
    {
        var pdu = WriteMultipleRegistersPdu.EncodeRequest(0x10, [1, 2, 3]);
        Assert.Equal(Convert.FromHexString("1000100003060001000200 03".Replace(" ", "", StringComparison.Ordinal)), pdu);
        var (address, values) = WriteMultipleRegistersPdu.DecodeRequest(pdu);
        Assert.Equal((ushort)0x10, address);
        Assert.Equal(new ushort[] { 1, 2, 3 }, values);
        Assert.Throws<ModbusFrameException>(() => WriteMultipleRegistersPdu.DecodeResponse(WriteMultipleRegistersPdu.EncodeResponse(0x10, 2), 0x10, 3));
    }

    [Fact]
    public void WriteSingle_Truncated_Throws()
    {
        Assert.Equal(((ushort)33, (ushort)4), WriteSingleRegisterPdu.Decode(WriteSingleRegisterPdu.Encode(33, 4)));
        Assert.Throws<ModbusFrameException>(() => WriteSingleRegisterPdu.Decode([6, 0, 33]));
    }

    [Fact]
    public void ExceptionPdu_RoundTrip_KeepsCode()
    {
        var pdu = ExceptionPdu.Encode(3, ModbusExceptionCode.GatewayPathUnavailable);
        Assert.True(ExceptionPdu.IsException(pdu));
        Assert.Equal(ModbusExceptionCode.GatewayPathUnavailable, ExceptionPdu.Decode(pdu));
        Assert.Throws<ModbusFrameException>(() => ExceptionPdu.Decode([0x83]));
    }
}
