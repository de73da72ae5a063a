using Chezlepro.Devices.Power;
using Chezlepro.Devices.VeBus;

namespace Chezlepro.Devices.Tests.VeBus;

public class Mk2DecoderTests
{
    private static byte[] Hex(string s) => Convert.FromHexString(s.Replace(" ", "", StringComparison.Ordinal));

    private static readonly Mk2Scale Hundredth = new(0.01, 0, false);

    [Theory]
    [InlineData('A', "0100", "04FF410100BB")]
    [InlineData('V', "", "02FF56A9")]
    [InlineData('F', "00", "03FF4600B8")]
    [InlineData('F', "03", "03FF4603B5")]
    [InlineData('L', "", "02FF4CB3")]
    [InlineData('W', "360400", "05FF5736040 06B")]
    [InlineData('W', "300E0F10", "06FF57300E0F1047")]
    public void Build_ReferenceRequests_SameBytes(char command, string data, string expected) =>
        Assert.Equal(Hex(expected), Mk2Frame.Build(command, Hex(data)));

    [Fact]
    public void DecodeScale_Ram4Reply_Hundredth()
    {
        var scale = Mk2Decoder.DecodeScale(Hex("08 FF 57 8E 9C 7F 8F 00 00 6A"));
        Assert.Equal(0.01, scale.Factor, 9);
        Assert.Equal(0, scale.Offset);
        Assert.False(scale.Signed);
    }

    [Fact]
    public void DecodeDcInfo_CapturedReply_MatchesReference()
    {
        var period = Mk2Decoder.DecodeScale(Mk2Frame.Wrap([0xFF, 0x57, 0x8E, 0x57, 0x78, 0x8F, 0x00, 0x01]));
        var dc = Mk2Decoder.DecodeDcInfo(Hex("0F 20 F3 00 C8 02 0C A1 05 00 00 00 28 00 00 88 B2"), Hundredth, Hundredth, period);
        Assert.Equal(14.41, dc.Voltage, 3);
        Assert.Equal(0.40, dc.BatteryCurrent, 3); // charging: + (invertergui's −0.4 is the sign trap)
        Assert.Equal(50.03, dc.InverterFrequency, 2);
    }

    [Fact]
    public void DecodeAcInfo_CapturedReply_MatchesReference()
    {
        var scales = new Dictionary<int, Mk2Scale> { [0] = Hundredth, [1] = Hundredth, [2] = Hundredth, [3] = Hundredth, [8] = new(1.0 / 977, 0, false) };
        var ac = Mk2Decoder.DecodeAcInfo(Hex("0F 20 01 01 CA 09 08 AA 58 AB 00 AA 58 9A 00 C3 E8"), scales);
        Assert.Equal((1, 9, "charge"), (ac.Phase, ac.State, ac.StateName));
        Assert.Equal(226.98, ac.MainsVoltage, 2);
        Assert.Equal(1.71, ac.MainsCurrent, 2);
        Assert.Equal(1.54, ac.InverterCurrent, 2);
        Assert.Equal(50.10, ac.MainsFrequency, 2);
    }

    [Fact]
    public void DecodeLedsAndRam_CapturedReplies_MatchReference()
    {
        var leds = Mk2Decoder.DecodeLeds(Hex("06 FF 4C 03 00 00 00 AC"));
        Assert.Equal(AlarmLevel.Ok, leds.Level(Mk2Leds.Overload));
        Assert.Equal(3, leds.On);
        Assert.Equal(1.0, Mk2Decoder.DecodeRamValue(Hex("05 FF 57 85 C8 00 58"), new Mk2Scale(1.0 / 200, 0, false)), 6);
    }

    [Theory]
    [InlineData("0F 20 F3 00 C8 02 0C A1 05 00 00 00 28 00 00 88 B3")] // checksum off by one
    [InlineData("0F 20 F3 00 C8 02 0C A1 05 00 00")]                   // truncated
    [InlineData("06 FF 4C 03 00 00 00 AC")]                            // an LED frame, not DC info
    public void DecodeDcInfo_BadFrame_ThrowsFormatException(string hex) =>
        Assert.Throws<FormatException>(() => Mk2Decoder.DecodeDcInfo(Hex(hex), Hundredth, Hundredth, Hundredth));

    [Fact]
    public void Find_NoiseAndBadChecksumBeforeFrame_FindsValidFrame()
    {
        byte[] buffer = [0x13, 0x37, .. Hex("06 FF 4C 03 00 00 00 AD"), .. Hex("06 FF 4C 03 00 00 00 AC")];
        Assert.Equal((10, 8), Mk2Frame.Find(buffer));
        Assert.Null(Mk2Frame.Find(Hex("06 FF 4C 03")));
    }

    [Fact]
    public void Wrap_TrailingFF_PaddedWithZero()
    {
        var frame = Mk2Frame.Build('W', 0x30, 0xFF);
        Assert.Equal(0x05, frame[0]);
        Assert.Equal(0x00, frame[^2]);
        Assert.Equal(0, frame.Sum(b => b) & 0xFF);
    }
}
