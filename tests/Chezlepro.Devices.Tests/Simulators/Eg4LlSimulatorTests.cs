using Chezlepro.Devices.Eg4;
using Chezlepro.Modbus;
using Chezlepro.Modbus.Serial;
using Chezlepro.Modbus.Transport;
using Chezlepro.Simulators.Eg4;
using Chezlepro.Simulators.Support;

namespace Chezlepro.Devices.Tests.Simulators;

[Trait("Category", "Integration")]
public class Eg4LlSimulatorTests
{
    private static Eg4LlClient Client(PtyPair pty, params byte[] units) =>
        new(new ModbusMaster(new ModbusRtuTransport(SerialPortFactory.Create(new SerialSettings(pty.HostPath, 9600)), 9600),
            new ModbusMasterOptions { RequestTimeout = TimeSpan.FromSeconds(2), Retries = 1, RetryDelay = TimeSpan.Zero, PauseBetweenRequests = TimeSpan.FromMilliseconds(100) }), units);

    [Fact]
    public async Task Client_TwoPacksInTurn_DecodedAndFaultsNamed()
    {
        await using var pty = await PtyPair.StartAsync();
        await using var sim = await Eg4LlSimulator.StartAsync(pty.DevicePath, 2, 3);
        sim.Packs[3].Soc = 78;
        sim.Packs[3].Protection = 0x0020;
        var (packs, failures) = await Client(pty, 2, 3).ReadAsync(default);
        Assert.True(failures.Count == 0, string.Join("; ", failures.Select(f => $"{f.Key}: {f.Value.Message}")));
        Assert.Equal([2, 3], packs.Select(p => p.UnitId));
        Assert.Equal(53.11, packs[0].Voltage, 3);
        Assert.Equal(-12.5, packs[0].Current, 3);
        Assert.Equal(["discharge over-current"], packs[1].Protections);
        Assert.Equal(73, Eg4Decoder.Aggregate(packs).BatterySoc);
    }

    [Fact]
    public async Task Client_BadFramesAndDeadUnit_PollMarkedFailedOthersReadNextPollWorks()
    {
        await using var pty = await PtyPair.StartAsync();
        await using var sim = await Eg4LlSimulator.StartAsync(pty.DevicePath, 2, 3, 4, 5);
        sim.GarbageBeforeReply = true;             // noise between frames: tolerated
        sim.Packs[3].CorruptCrc = true;
        sim.Packs[4].Dead = true;
        sim.Packs[5].ExceptionCode = 0x02;
        var client = Client(pty, 2, 3, 4, 5, 6);
        var (packs, failures) = await client.ReadAsync(default);
        Assert.Equal([2], packs.Select(p => p.UnitId));
        Assert.IsType<ModbusFrameException>(failures[3]);
        Assert.IsType<ModbusTimeoutException>(failures[4]);
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, Assert.IsType<ModbusException>(failures[5]).Code);
        Assert.IsType<ModbusTimeoutException>(failures[6]);   // wrong unit: nobody answers
        sim.Packs[3].CorruptCrc = false;
        sim.Packs[4].Dead = false;
        sim.Packs[5].ExceptionCode = null;
        (packs, failures) = await client.ReadAsync(default);
        Assert.True(failures.Count == 1, string.Join("; ", failures.Select(f => $"{f.Key}: {f.Value.Message}")));
        Assert.Equal([2, 3, 4, 5], packs.Select(p => p.UnitId));
    }

    [Fact]
    public async Task Mbpoll_ReadsEg4Simulator_RuntimeBlockAsTheMapSays()
    {
        await using var pty = await PtyPair.StartAsync();
        await using var sim = await Eg4LlSimulator.StartAsync(pty.DevicePath, 2);
        var regs = await Mbpoll.ReadAsync("-m", "rtu", "-b", "9600", "-P", "none", "-a", "2", "-t", "4", "-0", "-r", "0", "-c", "39", "-1", pty.HostPath);
        Assert.Equal(5311, regs[0]);               // 53.11 V (0.01 V)
        Assert.Equal(unchecked((ushort)-1250), regs[1]);
        Assert.Equal(68, regs[24]);
        Assert.Equal(16, regs[36]);
    }
}
