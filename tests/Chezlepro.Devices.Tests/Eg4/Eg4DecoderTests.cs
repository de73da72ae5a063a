using Chezlepro.Devices.Eg4;

namespace Chezlepro.Devices.Tests.Eg4;

public class Eg4DecoderTests
{
    // eg4.md §5: the 83-byte worked reply of unit 2.
    internal const string WorkedReply =
        "02034E14C0FB1E0CF60CF90CF80CFA0CF70CF80CF90CF60CF80CFA0CF80CF70CF90CF80CF80CF7001B0018001900440064006400440002" +
        "0000000000000000009815752A0018181718000000100 3E800009F27";

    internal static ushort[] WorkedRegisters()
    {
        var bytes = Convert.FromHexString(WorkedReply.Replace(" ", "", StringComparison.Ordinal));
        return Enumerable.Range(0, 39).Select(i => (ushort)((bytes[3 + (2 * i)] << 8) | bytes[4 + (2 * i)])).ToArray();
    }

    [Fact]
    public void DecodePack_WorkedExample_MatchesReference()
    {
        var p = Eg4Decoder.DecodePack(2, WorkedRegisters());
        Assert.Equal(53.12, p.Voltage, 3);
        Assert.Equal(-12.50, p.Current, 3);
        Assert.Equal(16, p.Cells.Count);
        Assert.Equal(3.318, p.Cells.Min(), 3);
        Assert.Equal(3.322, p.Cells.Max(), 3);
        Assert.Equal(53.120, p.Cells.Sum(), 3);
        Assert.Equal(27, p.PcbTemperature);
        Assert.Equal(25, p.MaxTemperature);
        Assert.Equal(68, p.RemainingAh);
        Assert.Equal(100, p.Soh);
        Assert.Equal(68, p.Soc);
        Assert.Equal(0x0002, p.Status);
        Assert.Empty(p.Warnings);
        Assert.Equal(152, p.Cycles);
        Assert.Equal(100.0, p.FullCapacityAh, 3);
        Assert.Equal([24, 24, 23, 24, 0, 0], p.Temperatures);
        Assert.Equal(100.0, p.DesignCapacityAh, 3);
    }

    [Fact]
    public void DecodePack_NegativeSensorTemperature_ReadAsSignedByte()
    {
        var regs = WorkedRegisters();
        regs[33] = 0xF618; // T1 = −10 °C, T2 = 24 °C
        Assert.Equal(-10, Eg4Decoder.DecodePack(2, regs).Temperatures[0]);
    }

    [Fact]
    public void BitNames_SeveralBitsSet_AllNamed()
    {
        var regs = WorkedRegisters();
        regs[27] = 0x2021; // pack OV + discharge OC + discharge short circuit
        regs[28] = 0x0010;
        var p = Eg4Decoder.DecodePack(2, regs);
        Assert.Equal(["pack over-voltage", "discharge over-current", "discharge short circuit"], p.Protections);
        Assert.Equal(["cell imbalance"], p.Errors);
    }

    [Fact]
    public void DecodePack_Truncated_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => Eg4Decoder.DecodePack(2, WorkedRegisters()[..20]));

    [Fact]
    public void DecodePack_GarbageCellCount_ThrowsFormatException()
    {
        var regs = WorkedRegisters();
        regs[36] = 900;
        Assert.Throws<FormatException>(() => Eg4Decoder.DecodePack(2, regs));
    }

    [Fact]
    public void LooksLikeMasterMap_ZerosInFirstRegisters_Detected()
    {
        var regs = new ushort[39];
        regs[19] = 5;
        regs[21] = 80;
        Assert.True(Eg4Decoder.LooksLikeMasterMap(regs));
        Assert.False(Eg4Decoder.LooksLikeMasterMap(WorkedRegisters()));
    }

    [Fact]
    public void Aggregate_TwoPacks_BankValuesAndPerPackSamples()
    {
        var a = Eg4Decoder.DecodePack(2, WorkedRegisters());
        var regs = WorkedRegisters();
        regs[24] = 78;                 // SOC 78 %
        regs[27] = 0x1000;             // low-capacity protection: advisory by default
        regs[28] = 0x0002;             // temperature error
        var b = Eg4Decoder.DecodePack(3, regs);
        var bank = Eg4Decoder.Aggregate([a, b]);
        Assert.Equal(73, bank.BatterySoc);
        Assert.Equal(-25.0, bank.BatteryCurrent);
        Assert.Equal(53.12, bank.BatteryVoltage);
        Assert.Equal(-1328.0, bank.BatteryPower);
        Assert.Equal(200, bank.BatteryCapacityAh);
        Assert.Equal(["pack 3: temperature error"], bank.BmsFaults);
        var samples = bank.ToSamples().ToDictionary(s => s.Metric, s => s.Value);
        Assert.Equal(78, samples["battery.pack.3.soc"]);
        Assert.Equal(3.318, samples["battery.pack.2.cell.min"], 3);
        Assert.Equal(152, samples["battery.pack.2.cycles"]);
    }
}
