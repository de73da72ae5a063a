using Chezlepro.Modbus.Tests.Fakes;
using Chezlepro.Modbus.Transport;

namespace Chezlepro.Modbus.Tests;

public class ModbusMasterTests
{
    private static readonly ModbusMasterOptions Fast = new() { RequestTimeout = TimeSpan.FromMilliseconds(150), Retries = 1, RetryDelay = TimeSpan.Zero };

    private static ModbusMaster Master(FakeByteLink link, ModbusMasterOptions? options = null) =>
        new(new ModbusRtuTransport(link, 115200), options ?? Fast);

    private static byte[]? Echo(byte[] request)
    {
        var (unit, fc, address, count) = FakeByteLink.ParseRequest(request);
        return FakeByteLink.ReadReply(unit, fc, address, count);
    }

    [Fact]
    public async Task ReadHoldingRegisters_GoodReply_ReturnsValues()
    {
        var link = new FakeByteLink(Echo);
        await using var master = Master(link);
        var values = await master.ReadHoldingRegistersAsync(2, 10, 3);
        Assert.Equal(new ushort[] { 1010, 1011, 1012 }, values);
        Assert.Equal(Convert.FromHexString("0203000A0003"), link.Written[0].AsSpan(0, 6).ToArray());
    }

    [Fact]
    public async Task Read_ExceptionReply_ThrowsTypedExceptionWithUnitFunctionAddress()
    {
        var link = new FakeByteLink(r => ModbusCrc.Append([r[0], (byte)(r[1] | 0x80), 0x02]));
        await using var master = Master(link);
        var e = await Assert.ThrowsAsync<ModbusException>(() => master.ReadInputRegistersAsync(7, 800, 2));
        Assert.Equal((7, 4, 800, ModbusExceptionCode.IllegalDataAddress), (e.UnitId, e.Function, e.Address, e.Code));
        Assert.Single(link.Written); // illegal address is not retried
    }

    [Fact]
    public async Task Read_BusyThenGood_RetriesOnce()
    {
        var calls = 0;
        var link = new FakeByteLink(r => ++calls == 1 ? ModbusCrc.Append([r[0], 0x83, 0x06]) : Echo(r));
        await using var master = Master(link);
        Assert.Equal(3, (await master.ReadHoldingRegistersAsync(1, 0, 3)).Length);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Read_NoReply_ThrowsTimeoutAfterRetryAndNextPollWorks()
    {
        var silent = true;
        var link = new FakeByteLink(r => silent ? null : Echo(r));
        await using var master = Master(link);
        var e = await Assert.ThrowsAsync<ModbusTimeoutException>(() => master.ReadHoldingRegistersAsync(3, 5, 1));
        Assert.Equal(3, e.UnitId);
        Assert.Equal(2, link.Written.Count);
        silent = false;
        Assert.Equal(new ushort[] { 1005 }, await master.ReadHoldingRegistersAsync(3, 5, 1));
    }

    [Fact]
    public async Task Read_WrongCrc_ThrowsFrameExceptionWithoutRetryAndNextPollWorks()
    {
        var corrupt = true;
        var link = new FakeByteLink(r =>
        {
            var reply = Echo(r)!;
            if (corrupt)
            {
                reply[^2] ^= 0x5A;
            }
            return reply;
        });
        await using var master = Master(link);
        await Assert.ThrowsAsync<ModbusFrameException>(() => master.ReadHoldingRegistersAsync(2, 0, 4));
        Assert.Single(link.Written);
        corrupt = false;
        Assert.Equal(4, (await master.ReadHoldingRegistersAsync(2, 0, 4)).Length);
    }

    [Fact]
    public async Task Read_ShortFrame_ThrowsFrameException()
    {
        var link = new FakeByteLink(r => Echo(r)![..5]);
        await using var master = Master(link, new ModbusMasterOptions { RequestTimeout = TimeSpan.FromMilliseconds(100), Retries = 0 });
        var e = await Assert.ThrowsAsync<ModbusFrameException>(() => master.ReadHoldingRegistersAsync(2, 0, 4));
        Assert.Contains("Incomplete", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_GarbageBeforeReply_StillReads()
    {
        var link = new FakeByteLink(r => [0xFF, 0x00, 0x13, .. Echo(r)!]);
        await using var master = Master(link);
        Assert.Equal(new ushort[] { 1000, 1001 }, await master.ReadHoldingRegistersAsync(2, 0, 2));
    }

    [Fact]
    public async Task Read_ReplyFromOtherUnit_ThrowsFrameException()
    {
        var link = new FakeByteLink(r => FakeByteLink.ReadReply(9, r[1], 0, 2));
        await using var master = Master(link);
        await Assert.ThrowsAsync<ModbusFrameException>(() => master.ReadHoldingRegistersAsync(2, 0, 2));
    }

    [Fact]
    public async Task Read_AboveMaxRegistersQuirk_SplitsIntoSeveralRequests()
    {
        var link = new FakeByteLink(Echo);
        await using var master = Master(link, new ModbusMasterOptions { MaxRegistersPerRequest = 40 });
        var values = await master.ReadHoldingRegistersAsync(1, 0, 100);
        Assert.Equal(3, link.Written.Count);
        Assert.Equal(Enumerable.Range(1000, 100).Select(i => (ushort)i), values);
    }

    [Fact]
    public async Task WriteSingleRegister_EchoMismatch_Throws()
    {
        var link = new FakeByteLink(r => ModbusCrc.Append([r[0], 6, 0, 33, 0, 9]));
        await using var master = Master(link);
        await master.WriteSingleRegisterAsync(1, 33, 9);
        await Assert.ThrowsAsync<ModbusFrameException>(() => master.WriteSingleRegisterAsync(1, 33, 4));
    }

    [Fact]
    public async Task WriteMultipleRegisters_Acknowledged_Completes()
    {
        var link = new FakeByteLink(r => ModbusCrc.Append([r[0], 0x10, r[2], r[3], r[4], r[5]]));
        await using var master = Master(link);
        await master.WriteMultipleRegistersAsync(1, 37, [1, 2]);
        Assert.Equal(Convert.FromHexString("01100025000204 00010002".Replace(" ", "", StringComparison.Ordinal)), link.Written[0][..^2]);
    }

    [Fact]
    public async Task Read_CallerCancels_TransportResetBeforeTheNextExchange()
    {
        // Loopback sockets happen to drop the connection on a cancelled read; a slow link or a serial gateway need
        // not, and the rest of an interrupted frame would then be read as the next reply's header.
        var transport = new HangingTransport();
        await using var master = new ModbusMaster(transport, new ModbusMasterOptions { RequestTimeout = TimeSpan.FromSeconds(30), Retries = 0 });
        using var caller = new CancellationTokenSource();
        var first = master.ReadHoldingRegistersAsync(1, 3, 1, caller.Token);
        await transport.Exchanging.WaitAsync(TimeSpan.FromSeconds(10));
        await caller.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(1, transport.Resets);
    }

    private sealed class HangingTransport : IModbusTransport
    {
        private readonly TaskCompletionSource _exchanging = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Exchanging => _exchanging.Task;

        public int Resets { get; private set; }

        public ValueTask<bool> ConnectAsync(CancellationToken cancellationToken) => ValueTask.FromResult(false);

        public async ValueTask<byte[]> ExchangeAsync(byte unitId, ReadOnlyMemory<byte> requestPdu, CancellationToken cancellationToken)
        {
            _exchanging.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return [];
        }

        public ValueTask ResetAsync()
        {
            Resets++;
            return ValueTask.CompletedTask;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
