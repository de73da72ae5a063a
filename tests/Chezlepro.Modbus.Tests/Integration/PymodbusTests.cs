using Chezlepro.Modbus.Serial;
using Chezlepro.Modbus.Transport;
using Chezlepro.Simulators.Support;
using Chezlepro.Testing;

namespace Chezlepro.Modbus.Tests.Integration;

[Trait("Category", "Integration")]
public class PymodbusTests
{
    // pymodbus 3.0 (Debian python3-pymodbus): zero_mode=True makes PDU address n read list index n.
    internal const string Server = """
        import sys
        from pymodbus.server import StartTcpServer, StartSerialServer
        from pymodbus.datastore import ModbusSequentialDataBlock, ModbusSlaveContext, ModbusServerContext
        from pymodbus.transaction import ModbusRtuFramer
        mode, target = sys.argv[1], sys.argv[2]
        hr = ModbusSequentialDataBlock(0, [(i * 7 + 3) & 0xFFFF for i in range(300)])
        ir = ModbusSequentialDataBlock(0, [0xFFFF - i for i in range(300)])
        store = ModbusSlaveContext(hr=hr, ir=ir, zero_mode=True)
        context = ModbusServerContext(slaves={17: store}, single=False)
        print("ready", flush=True)
        if mode == "tcp":
            StartTcpServer(context=context, address=("127.0.0.1", int(target)))
        elif mode == "rtutcp":
            StartTcpServer(context=context, address=("127.0.0.1", int(target)), framer=ModbusRtuFramer)
        else:
            StartSerialServer(context=context, framer=ModbusRtuFramer, port=target, baudrate=9600)
        """;

    private static async Task ExerciseAsync(ModbusMaster master)
    {
        var holding = await master.ReadHoldingRegistersAsync(17, 0, 125);
        Assert.Equal(Enumerable.Range(0, 125).Select(i => (ushort)(i * 7 + 3)), holding);
        var input = await master.ReadInputRegistersAsync(17, 200, 10);
        Assert.Equal(Enumerable.Range(200, 10).Select(i => (ushort)(0xFFFF - i)), input);
        await master.WriteSingleRegisterAsync(17, 5, 0xBEEF);
        await master.WriteMultipleRegistersAsync(17, 10, [1, 2, 3]);
        Assert.Equal(new ushort[] { 0xBEEF }, await master.ReadHoldingRegistersAsync(17, 5, 1));
        Assert.Equal(new ushort[] { 1, 2, 3 }, await master.ReadHoldingRegistersAsync(17, 10, 3));
        var e = await Assert.ThrowsAsync<ModbusException>(() => master.ReadHoldingRegistersAsync(17, 290, 20));
        Assert.Equal(ModbusExceptionCode.IllegalDataAddress, e.Code);
    }

    [Fact]
    public async Task ReadWrite_PymodbusTcpServer_ValuesExact()
    {
        var port = FreePort.Next();
        await using var peer = await PythonPeer.StartAsync(Server, "tcp", port.ToString());
        await using var master = new ModbusMaster(new ModbusTcpTransport("127.0.0.1", port), new ModbusMasterOptions { RequestTimeout = TimeSpan.FromSeconds(3) });
        for (var i = 0; i < 50 && !await CanConnectAsync(port); i++)
        {
            await Task.Delay(50);
        }
        await ExerciseAsync(master);
    }

    [Fact]
    public async Task ReadWrite_PymodbusRtuOverTcpServer_ValuesExact()
    {
        var port = FreePort.Next();
        await using var peer = await PythonPeer.StartAsync(Server, "rtutcp", port.ToString());
        for (var i = 0; i < 50 && !await CanConnectAsync(port); i++)
        {
            await Task.Delay(50);
        }
        await using var master = new ModbusMaster(new ModbusRtuTransport(new TcpByteLink("127.0.0.1", port), 9600),
            new ModbusMasterOptions { RequestTimeout = TimeSpan.FromSeconds(3) });
        await ExerciseAsync(master);
    }

    [Fact]
    public async Task ReadWrite_PymodbusRtuServerOnPty_ValuesExact()
    {
        await using var pty = await PtyPair.StartAsync();
        await using var peer = await PythonPeer.StartAsync(Server, "rtu", pty.DevicePath);
        await Task.Delay(300); // the server opens its port after printing "ready"
        var port = SerialPortFactory.Create(new SerialSettings(pty.HostPath, 9600));
        await using var master = new ModbusMaster(new ModbusRtuTransport(port, 9600), new ModbusMasterOptions { RequestTimeout = TimeSpan.FromSeconds(3) });
        await ExerciseAsync(master);
    }

    private static async Task<bool> CanConnectAsync(int port)
    {
        try
        {
            using var c = new System.Net.Sockets.TcpClient();
            await c.ConnectAsync("127.0.0.1", port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
