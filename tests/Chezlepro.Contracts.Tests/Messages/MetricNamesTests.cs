using Chezlepro.Contracts.Messages;
using Xunit;

namespace Chezlepro.Contracts.Tests.Messages;

public sealed class MetricNamesTests
{
    // contract.md, "Metric names every power source must use when it has the value", spelled out once more on
    // purpose: a constant edited by mistake breaks dashboards and the collector's failover rules silently.
    [Fact]
    public void Constants_AreTheContractNames() =>
        Assert.Equal(
            ["grid.available", "grid.voltage", "ac.out.power", "battery.voltage", "battery.current", "battery.power", "battery.soc",
             "battery.soh", "battery.temperature", "battery.runtime", "inverter.state", "pv.power", "genset.running"],
            [MetricNames.GridAvailable, MetricNames.GridVoltage, MetricNames.AcOutPower, MetricNames.BatteryVoltage, MetricNames.BatteryCurrent,
             MetricNames.BatteryPower, MetricNames.BatterySoc, MetricNames.BatterySoh, MetricNames.BatteryTemperature, MetricNames.BatteryRuntime,
             MetricNames.InverterState, MetricNames.PvPower, MetricNames.GensetRunning]);

    [Fact]
    public void BatteryPack_PackNumberAndName_ContractPattern() =>
        Assert.Equal(
            ["battery.pack.2.voltage", "battery.pack.2.current", "battery.pack.3.soc", "battery.pack.3.soh", "battery.pack.4.cell.min",
             "battery.pack.4.cell.max", "battery.pack.12.temperature.max", "battery.pack.12.cycles"],
            [MetricNames.BatteryPack(2, MetricNames.Pack.Voltage), MetricNames.BatteryPack(2, MetricNames.Pack.Current),
             MetricNames.BatteryPack(3, MetricNames.Pack.Soc), MetricNames.BatteryPack(3, MetricNames.Pack.Soh),
             MetricNames.BatteryPack(4, MetricNames.Pack.CellMin), MetricNames.BatteryPack(4, MetricNames.Pack.CellMax),
             MetricNames.BatteryPack(12, MetricNames.Pack.TemperatureMax), MetricNames.BatteryPack(12, MetricNames.Pack.Cycles)]);
}
