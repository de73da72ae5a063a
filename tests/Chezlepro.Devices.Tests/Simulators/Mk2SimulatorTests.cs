using Chezlepro.Devices.Power;
using Chezlepro.Devices.VeBus;
using Chezlepro.Modbus.Serial;
using Chezlepro.Simulators.Support;
using Chezlepro.Simulators.VeBus;

namespace Chezlepro.Devices.Tests.Simulators;

[Trait("Category", "Integration")]
public class Mk2SimulatorTests
{
    [Fact]
    public async Task Client_ReadsSimulatorThroughIdleFrames_DecodedReading()
    {
        await using var pty = await PtyPair.StartAsync();
        await using var sim = await Mk2Simulator.StartAsync(pty.DevicePath);
        // 3 s, not the 1 s default: nothing here is about timing, and a loaded 2-core CI machine delayed the first reply
        // past 1 s (0 bytes read) while the whole-system tests ran next to this project.
        await using var client = new Mk2Client(SerialPortFactory.Create(new SerialSettings(pty.HostPath, 2400)), phases: 1, timeout: TimeSpan.FromSeconds(3));
        var r = await client.ReadAsync(default);
        Assert.Equal(52.8, r.Dc.Voltage, 2);
        Assert.Equal(12.0, r.Dc.BatteryCurrent, 2);
        Assert.Equal(50.03, r.Dc.InverterFrequency, 2);
        Assert.Equal(120.0, r.Ac[0].MainsVoltage, 2);
        Assert.Equal("charge", r.Ac[0].StateName);
        Assert.Equal(80, r.Soc);
        var snapshot = r.ToSnapshot();
        Assert.True(snapshot.GridAvailable);
        Assert.Equal(1200.0, snapshot.AcOutPower!.Value, 1); // 120 V × 10 A

        sim.Mains = false;
        sim.Overload = true;
        snapshot = (await client.ReadAsync(default)).ToSnapshot();
        Assert.False(snapshot.GridAvailable);
        Assert.Equal(-25.0, snapshot.BatteryCurrent);
        Assert.Equal(AlarmLevel.Alarm, snapshot.Overload);
    }

    [Fact]
    public async Task Client_BadChecksums_TimeoutNamesTheCommandThenRecovers()
    {
        await using var pty = await PtyPair.StartAsync();
        await using var sim = await Mk2Simulator.StartAsync(pty.DevicePath);
        // 3 s: the recovery read must not fail on a loaded 2-core CI machine (300 ms, then 1 s, both failed there).
        await using var client = new Mk2Client(SerialPortFactory.Create(new SerialSettings(pty.HostPath, 2400)), timeout: TimeSpan.FromSeconds(3));
        sim.CorruptChecksum = true;
        var e = await Assert.ThrowsAsync<TimeoutException>(() => client.ReadAsync(default));
        Assert.Contains("'A'", e.Message, StringComparison.Ordinal);
        sim.CorruptChecksum = false;
        Assert.Equal(80, (await client.ReadAsync(default)).Soc);
    }
}
