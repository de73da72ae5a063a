using Chezlepro.Modbus.Serial;
using Chezlepro.Simulators.Support;

namespace Chezlepro.Modbus.Tests.Serial;

[Trait("Category", "Integration")]
public class LinuxSerialPortTests
{
    [Theory]
    [InlineData(2400, SerialParity.None)]
    [InlineData(9600, SerialParity.Even)]
    public async Task WriteRead_SocatPair_BytesArriveUnchanged(int baud, SerialParity parity)
    {
        await using var pty = await PtyPair.StartAsync();
        await using var a = SerialPortFactory.Create(new SerialSettings(pty.DevicePath, baud, parity));
        await using var b = SerialPortFactory.Create(new SerialSettings(pty.HostPath, baud, parity));
        await a.OpenAsync(default);
        await b.OpenAsync(default);
        // Raw mode: bytes that a cooked tty would eat (XON/XOFF, CR, NUL, 0xFF) pass through.
        byte[] payload = [0x00, 0x11, 0x13, 0x0D, 0x0A, 0xFF, 0x7F, 0x03];
        await a.WriteAsync(payload, default);
        var received = new List<byte>();
        var buffer = new byte[64];
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (received.Count < payload.Length)
        {
            var n = await b.ReadAsync(buffer, cts.Token);
            received.AddRange(buffer[..n]);
        }
        Assert.Equal(payload, received);
    }

    [Fact]
    public async Task Read_NothingArrives_CancelledByTimeout()
    {
        await using var pty = await PtyPair.StartAsync();
        await using var port = SerialPortFactory.Create(new SerialSettings(pty.HostPath, 9600));
        await port.OpenAsync(default);
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await port.ReadAsync(new byte[8], cts.Token));
    }

    [Fact]
    public async Task Open_MissingDevice_ThrowsIoExceptionNamingPath()
    {
        await using var port = SerialPortFactory.Create(new SerialSettings("/dev/chezlepro-no-such-tty", 9600));
        var e = await Assert.ThrowsAsync<IOException>(async () => await port.OpenAsync(default));
        Assert.Contains("/dev/chezlepro-no-such-tty", e.Message, StringComparison.Ordinal);
    }
}
