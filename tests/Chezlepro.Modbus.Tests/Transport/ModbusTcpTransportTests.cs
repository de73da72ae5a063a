using Chezlepro.Modbus.Pdu;
using Chezlepro.Modbus.Tests.Fakes;
using Chezlepro.Modbus.Transport;

namespace Chezlepro.Modbus.Tests.Transport;

public class ModbusTcpTransportTests
{
    private static ushort Txn(byte[] request) => (ushort)((request[0] << 8) | request[1]);

    private static byte[] Values(byte[] request) => ReadHoldingRegistersPdu.EncodeResponse([(ushort)(request[9] + 100)]);

    [Fact]
    public async Task Exchange_StrayReplyFirst_IsDiscardedAndMatchingReplyReturned()
    {
        await using var server = new ScriptedTcpServer(r =>
            [ScriptedTcpServer.Reply(r, (ushort)(Txn(r) + 40), ReadHoldingRegistersPdu.EncodeResponse([9999])),
             ScriptedTcpServer.Reply(r, Txn(r), Values(r))]);
        await using var master = new ModbusMaster(new ModbusTcpTransport("127.0.0.1", server.Port));
        Assert.Equal(new ushort[] { 103 }, await master.ReadHoldingRegistersAsync(100, 3, 1));
        Assert.Equal(new ushort[] { 104 }, await master.ReadHoldingRegistersAsync(100, 4, 1));
    }

    [Fact]
    public async Task Exchange_ReplyFromOtherUnit_ThrowsFrameException()
    {
        await using var server = new ScriptedTcpServer(r => [ScriptedTcpServer.Reply(r, Txn(r), Values(r), unit: 5)]);
        await using var master = new ModbusMaster(new ModbusTcpTransport("127.0.0.1", server.Port));
        await Assert.ThrowsAsync<ModbusFrameException>(() => master.ReadHoldingRegistersAsync(100, 3, 1));
    }

    [Fact]
    public async Task Exchange_GatewayPathUnavailable_SurfacesCode()
    {
        await using var server = new ScriptedTcpServer(r => [ScriptedTcpServer.Reply(r, Txn(r), ExceptionPdu.Encode(3, ModbusExceptionCode.GatewayPathUnavailable))]);
        await using var master = new ModbusMaster(new ModbusTcpTransport("127.0.0.1", server.Port));
        var e = await Assert.ThrowsAsync<ModbusException>(() => master.ReadHoldingRegistersAsync(227, 840, 1));
        Assert.Equal(ModbusExceptionCode.GatewayPathUnavailable, e.Code);
    }

    [Fact]
    public async Task Exchange_SilentThenAnswering_TimesOutThenRecovers()
    {
        var silent = true;
        await using var server = new ScriptedTcpServer(r => silent ? [] : [ScriptedTcpServer.Reply(r, Txn(r), Values(r))]);
        await using var master = new ModbusMaster(new ModbusTcpTransport("127.0.0.1", server.Port),
            new ModbusMasterOptions { RequestTimeout = TimeSpan.FromSeconds(1), Retries = 0 });
        await Assert.ThrowsAsync<ModbusTimeoutException>(() => master.ReadHoldingRegistersAsync(1, 3, 1));
        silent = false;
        Assert.Equal(new ushort[] { 103 }, await master.ReadHoldingRegistersAsync(1, 3, 1));
    }
}
