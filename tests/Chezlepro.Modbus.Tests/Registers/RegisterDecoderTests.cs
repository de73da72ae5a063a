using Chezlepro.Modbus.Registers;

namespace Chezlepro.Modbus.Tests.Registers;

public class RegisterDecoderTests
{
    [Theory]
    [InlineData(RegisterType.UInt16, 10, 2305, 230.5)]       // victron reg 15
    [InlineData(RegisterType.Int16, 1, 0xFE0C, -500)]        // reg 842
    [InlineData(RegisterType.Int16, 0.1, 235, 2350)]         // reg 23
    [InlineData(RegisterType.UInt16, -10, 123, -12.3)]       // reg 845
    [InlineData(RegisterType.Int16, 10, 0xFF9C, -10)]        // reg 27
    public void Value_VictronScaleExamples_MatchReference(RegisterType type, double scale, int raw, double expected)
    {
        var def = new RegisterDefinition(0, type, scale, "", "x");
        Assert.Equal(expected, RegisterDecoder.Value(def, RegisterValues.From(0, (ushort)raw))!.Value, 6);
    }

    [Fact]
    public void Raw_WordOrder_HighFirstAndLowFirstDiffer()
    {
        var def = new RegisterDefinition(31, RegisterType.UInt32, 1, "", "cap");
        var values = RegisterValues.From(31, 0x1575, 0x2A00);
        Assert.Equal(360_000_000, RegisterDecoder.Raw(def, values));
        Assert.Equal(0x2A001575, RegisterDecoder.Raw(def, values, WordOrder.LowFirst));
        Assert.Equal(-2, RegisterDecoder.Raw(def with { Type = RegisterType.Int32 }, RegisterValues.From(31, 0xFFFF, 0xFFFE)));
    }

    [Fact]
    public void Value_NotRead_IsNull() =>
        Assert.Null(RegisterDecoder.Value(new RegisterDefinition(5, RegisterType.UInt32, 1, "", "x"), RegisterValues.From(5, 1)));

    [Fact]
    public void Text_PaddedString_Trimmed() =>
        Assert.Equal("c0619a", RegisterDecoder.Text(new RegisterDefinition(800, RegisterType.String, 1, "", "serial", 4),
            RegisterValues.From(800, 0x6330, 0x3631, 0x3961, 0x0000)));
}
