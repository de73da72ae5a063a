using Chezlepro.Agent.Sources.Power.Eg4;
using Xunit;
using static Chezlepro.Agent.Tests.Sources.Power.Victron.VictronGxSourceFactoryTests;

namespace Chezlepro.Agent.Tests.Sources.Power.Eg4;

public class Eg4LlSourceFactoryTests
{
    [Fact]
    public void Validate_ContractExample_NoProblems() =>
        Assert.Empty(new Eg4LlSourceFactory().Validate(Definition("eg4-ll", ("SerialPort", "/dev/ttyUSB1"), ("BaudRate", "9600"),
            ("UnitIds:0", "2"), ("UnitIds:1", "3"), ("UnitIds:2", "4"))));

    [Fact]
    public void Validate_GatewayInsteadOfSerial_Accepted() =>
        Assert.Empty(new Eg4LlSourceFactory().Validate(Definition("eg4-ll", ("Host", "10.0.0.5"), ("Port", "4196"), ("UnitIds:0", "2"))));

    [Fact]
    public void Validate_BadValues_EachNamesKeyAndValue()
    {
        var problems = new Eg4LlSourceFactory().Validate(Definition("eg4-ll", ("SerialPort", "/dev/ttyUSB1"), ("Host", "gw"), ("BaudRate", "9601"),
            ("UnitIds:0", "0"), ("UnitIds:1", "2"), ("UnitIds:2", "2"))).ToList();
        Assert.Contains(problems, p => p.Contains("give exactly one", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sources:2:BaudRate: '9601'", StringComparison.Ordinal));
        Assert.Contains("Sources:2:UnitIds:0: '0' must be between 1 and 247 (0 is broadcast-like on EG4 buses)"
            + " / doit être entre 1 et 247 (0 agit comme une diffusion sur les bus EG4)", problems);
        Assert.Contains("Sources:2:UnitIds: '0,2,2' lists an address twice / contient une adresse en double", problems);
    }

    [Fact]
    public void Validate_NoUnitIds_Required() =>
        Assert.Contains(new Eg4LlSourceFactory().Validate(Definition("eg4-ll", ("SerialPort", "/dev/ttyUSB1"))),
            p => p.StartsWith("Sources:2:UnitIds", StringComparison.Ordinal));
}
