using Chezlepro.Agent.Sources.Power.VeBus;
using Xunit;
using static Chezlepro.Agent.Tests.Sources.Power.Victron.VictronGxSourceFactoryTests;

namespace Chezlepro.Agent.Tests.Sources.Power.VeBus;

public class VeBusMk3SourceFactoryTests
{
    [Fact]
    public void Validate_ContractExample_NoProblems() =>
        Assert.Empty(new VeBusMk3SourceFactory().Validate(Definition("vebus-mk3", ("SerialPort", "/dev/ttyUSB0"))));

    [Fact]
    public void Validate_MissingPortAndBadPhases_NamesKeys()
    {
        var problems = new VeBusMk3SourceFactory().Validate(Definition("vebus-mk3", ("Phases", "5"), ("BatteryCapacityAh", "-1"))).ToList();
        Assert.Contains(problems, p => p.StartsWith("Sources:2:SerialPort: ''", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sources:2:Phases: '5'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Sources:2:BatteryCapacityAh: '-1'", StringComparison.Ordinal));
    }
}
