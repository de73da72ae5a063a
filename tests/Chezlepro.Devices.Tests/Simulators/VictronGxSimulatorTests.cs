using Chezlepro.Devices.Victron;
using Chezlepro.Modbus;
using Chezlepro.Modbus.Transport;
using Chezlepro.Simulators.Victron;
using Chezlepro.Testing;

namespace Chezlepro.Devices.Tests.Simulators;

[Trait("Category", "Integration")]
public class VictronGxSimulatorTests
{
    private static VictronGxClient Client(VictronGxSimulator sim, VictronGxUnits? units = null, TimeProvider? time = null) =>
        new(new ModbusMaster(new ModbusTcpTransport("127.0.0.1", sim.Port),
            new ModbusMasterOptions { RequestTimeout = TimeSpan.FromSeconds(2), Retries = 0 }, time), units ?? new VictronGxUnits());

    [Fact]
    public async Task Mbpoll_ReadsSimulator_ValuesAsTheMapSays()
    {
        await using var sim = await VictronGxSimulator.StartAsync();
        sim.SetSoc(68);
        var port = sim.Port.ToString();
        // System service, FC 4, PDU addressing (-0): 840 V×10, 841 I×10, 842 W, 843 %.
        var system = await Mbpoll.ReadAsync("-m", "tcp", "-p", port, "-a", "100", "-t", "3", "-0", "-r", "840", "-c", "4", "-1", "127.0.0.1");
        Assert.Equal(521, system[840]);            // 48 + 6 × 0.68 = 52.08 V → 520.8 → 521 (0.1 V)
        Assert.Equal(400, system[841]);            // +40.0 A charging
        Assert.Equal(68, system[843]);
        // Vebus service, FC 3: 23 = AC-out power in 10 W steps, 64 = GridLost alarm.
        sim.LoseGrid();
        var vebus = await Mbpoll.ReadAsync("-m", "tcp", "-p", port, "-a", "227", "-t", "4", "-0", "-r", "23", "-c", "1", "-1", "127.0.0.1");
        Assert.Equal(150, vebus[23]);
        var gridLost = await Mbpoll.ReadAsync("-m", "tcp", "-p", port, "-a", "227", "-t", "4", "-0", "-r", "64", "-c", "1", "-1", "127.0.0.1");
        Assert.Equal(2, gridLost[64]);
    }

    [Fact]
    public async Task Client_ReadsSimulator_DecodedSnapshot()
    {
        await using var sim = await VictronGxSimulator.StartAsync();
        sim.SetSoc(50);
        var client = Client(sim);
        var s = await client.ReadAsync(default);
        Assert.True(s.GridAvailable);
        Assert.Equal(51.0, s.BatteryVoltage);      // battery service, 0.01 V
        Assert.Equal(40, s.BatteryCurrent);
        Assert.Equal(50, s.BatterySoc);
        Assert.Equal(1500, s.AcOutPower);
        Assert.Equal(200, s.BatteryCapacityAh);
        Assert.Equal(5, client.RequestsPerPoll);
        sim.LoseGrid();
        s = await client.ReadAsync(default);
        Assert.False(s.GridAvailable);
        Assert.Equal(-29.4, s.BatteryCurrent);
        Assert.Equal("inverting", s.InverterStateName);
    }

    [Fact]
    public async Task Client_BatteryUnitNotOnGx_SkippedWithoutFailing()
    {
        await using var sim = await VictronGxSimulator.StartAsync();
        var s = await Client(sim, new VictronGxUnits(Battery: 226)).ReadAsync(default);
        Assert.Null(s.BatteryCapacityAh);
        Assert.NotNull(s.BatteryVoltage);          // falls back to the system service
    }

    [Fact]
    public async Task Client_DeadSystemUnit_TimesOutThenRecovers()
    {
        await using var sim = await VictronGxSimulator.StartAsync();
        var client = Client(sim);
        sim.KillUnit(VictronGxSimulator.SystemUnit);
        await Assert.ThrowsAsync<ModbusTimeoutException>(() => client.ReadAsync(default));
        sim.ReviveUnit(VictronGxSimulator.SystemUnit);
        Assert.NotNull((await client.ReadAsync(default)).BatterySoc);
    }

    [Fact]
    public async Task Simulator_GridLostWithFakeClock_SocFallsAndRecharges()
    {
        var time = new FakeTimeProvider();
        await using var sim = await VictronGxSimulator.StartAsync(0, time);
        sim.SetSoc(80);
        sim.LoseGrid();
        time.Advance(TimeSpan.FromHours(1));
        Assert.InRange(sim.Soc, 65, 67);           // ~1500 W / ~52 V ≈ 29 A for 1 h of 200 Ah
        sim.RestoreGrid();
        time.Advance(TimeSpan.FromHours(1));
        Assert.InRange(sim.Soc, 85, 87);           // +40 A for 1 h = +20 %
        await Assert.ThrowsAsync<ModbusException>(() =>
            new ModbusMaster(new ModbusTcpTransport("127.0.0.1", sim.Port)).ReadInputRegistersAsync(100, 700, 2));
    }
}
