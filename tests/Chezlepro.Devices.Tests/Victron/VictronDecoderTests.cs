using Chezlepro.Devices.Power;
using Chezlepro.Devices.Victron;
using Chezlepro.Modbus.Registers;

namespace Chezlepro.Devices.Tests.Victron;

public class VictronDecoderTests
{
    private static RegisterValues Set(params (int Address, int Raw)[] values)
    {
        var set = new RegisterValues();
        foreach (var (a, r) in values)
        {
            set.Add(a, [(ushort)r]);
        }
        return set;
    }

    [Fact]
    public void Decode_SystemOnly_AppliesSystemScalesAndSigns()
    {
        var system = Set((840, 532), (841, 0xFF9C), (842, 0xFE0C), (843, 68), (826, 1), (850, 1200), (823, 0), (824, 0), (825, 0));
        var s = VictronDecoder.Decode(system, null, null);
        Assert.Equal(53.2, s.BatteryVoltage);          // 0.1 V resolution on the system service
        Assert.Equal(-10.0, s.BatteryCurrent);         // int16 0xFF9C, scale 10
        Assert.Equal(-500, s.BatteryPower);            // int16 0xFE0C, scale 1
        Assert.Equal(68, s.BatterySoc);                // whole percent
        Assert.Equal(1200, s.PvPower);
        Assert.True(s.GridAvailable);
        Assert.False(s.GensetRunning);
    }

    [Fact]
    public void Decode_BatteryServicePresent_WinsWithHundredthVolt()
    {
        var system = Set((840, 532), (843, 68));
        var battery = Set((259, 5330), (261, 0xFF9C), (266, 675), (304, 0), (309, 2000), (262, 215));
        battery.Add(256, [0xFFFF, 0xFDF8]); // int32 −520 W, high word first
        var s = VictronDecoder.Decode(system, null, battery);
        Assert.Equal(53.30, s.BatteryVoltage);
        Assert.Equal(67.5, s.BatterySoc);
        Assert.Equal(-520, s.BatteryPower);
        Assert.Null(s.BatterySoh);                     // 0 means "not available" (invalid D-Bus value)
        Assert.Equal(200, s.BatteryCapacityAh);
        Assert.Equal(21.5, s.BatteryTemperature);
    }

    [Fact]
    public void Decode_VebusPowers_TenWattStepsAndOnlyRealPhases()
    {
        var vebus = Set((3, 2305), (23, 235), (24, 99), (25, 99), (26, 5312), (27, 0xFF9C), (28, 1), (29, 0), (31, 9), (64, 0));
        var s = VictronDecoder.Decode(null, vebus, null);
        Assert.Equal(2350, s.AcOutPower);              // raw × 10; L2/L3 ignored on a single-phase system
        Assert.Equal(230.5, s.GridVoltage);
        Assert.Equal(53.12, s.BatteryVoltage);
        Assert.Equal(-10, s.BatteryCurrent);
        Assert.Equal(9, s.InverterState);
        Assert.Equal("inverting", s.InverterStateName);
        Assert.True(s.GridAvailable);
    }

    [Theory]
    [InlineData(1, 2, false)]    // grid configured but the GridLost alarm is up
    [InlineData(240, 0, false)]  // input not connected
    [InlineData(2, 0, false)]    // on generator: the grid is not available
    [InlineData(3, 0, true)]     // shore
    public void Decode_GridAvailability_FollowsSourceAndAlarm(int source, int gridLost, bool expected)
    {
        var s = VictronDecoder.Decode(Set((826, source), (840, 500)), Set((28, 1), (64, gridLost), (3, 2300)), null);
        Assert.Equal(expected, s.GridAvailable);
    }

    [Fact]
    public void Decode_Alarms_MapLevelsAndBmsFaults()
    {
        var vebus = Set((28, 1), (34, 1), (35, 0), (36, 2));
        var battery = Set((259, 5200), (323, 2), (268, 1));
        var s = VictronDecoder.Decode(null, vebus, battery);
        Assert.Equal(AlarmLevel.Alarm, s.Overload);
        Assert.Equal(AlarmLevel.Warning, s.HighTemperature);
        Assert.Equal(["/Alarms/InternalFailure"], s.BmsFaults);
    }

    [Fact]
    public void Decode_NothingRead_AllAbsent()
    {
        var s = VictronDecoder.Decode(null, null, null);
        Assert.Empty(s.ToSamples());
    }

    [Fact]
    public void Plan_RealMap_FewReadsInsideDefinedRanges()
    {
        var system = RegisterBlockPlanner.Plan(VictronRegisters.System, VictronRegisters.SystemRanges);
        var vebus = RegisterBlockPlanner.Plan(VictronRegisters.Vebus, VictronRegisters.VebusRanges);
        var battery = RegisterBlockPlanner.Plan(VictronRegisters.Battery, VictronRegisters.BatteryRanges);
        Assert.Equal([new RegisterBlock(808, 43)], system);
        Assert.Equal([new RegisterBlock(3, 62), new RegisterBlock(94, 1)], vebus);
        Assert.Equal([new RegisterBlock(256, 54), new RegisterBlock(320, 7)], battery);
    }
}
