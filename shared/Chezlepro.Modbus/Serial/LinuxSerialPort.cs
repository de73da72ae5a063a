using System.Runtime.InteropServices;
using System.Runtime.Versioning;

namespace Chezlepro.Modbus.Serial;

/// <summary>
/// Serial port on Linux through termios: raw mode, 8 data bits, parity as configured, one stop bit, no flow
/// control, CLOCAL (ignore modem lines: USB-RS485 adapters and ptys have none). Reads wait with poll(2) in
/// short slices so a per-request timeout (cancellation) is honoured promptly.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class LinuxSerialPort : ISerialPort
{
    private const int PollSliceMs = 20;
    private int _fd = -1;

    /// <summary>Creates the port. No I/O.</summary>
    /// <param name="settings">Line settings.</param>
    public LinuxSerialPort(SerialSettings settings)
    {
        Settings = settings;
        _ = LinuxNative.BaudConstant(settings.BaudRate);
    }

    /// <inheritdoc />
    public SerialSettings Settings { get; }

    /// <inheritdoc />
    public bool IsOpen => _fd >= 0;

    /// <inheritdoc />
    public ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        if (IsOpen)
        {
            return ValueTask.CompletedTask;
        }
        var fd = LinuxNative.Open(Settings.Path, LinuxNative.ORdWr | LinuxNative.ONoCtty | LinuxNative.ONonBlock);
        if (fd < 0)
        {
            throw new IOException($"Cannot open serial port {Settings.Path}: errno {Marshal.GetLastPInvokeError()}");
        }
        try
        {
            Configure(fd);
        }
        catch
        {
            _ = LinuxNative.Close(fd);
            throw;
        }
        _fd = fd;
        return ValueTask.CompletedTask;
    }

    private unsafe void Configure(int fd)
    {
        var termios = stackalloc byte[LinuxNative.TermiosSize];
        new Span<byte>(termios, LinuxNative.TermiosSize).Clear();
        if (LinuxNative.TcGetAttr(fd, termios) != 0)
        {
            throw new IOException($"tcgetattr failed on {Settings.Path}: errno {Marshal.GetLastPInvokeError()}");
        }
        LinuxNative.CfMakeRaw(termios);
        var cflag = (uint*)(termios + LinuxNative.CflagOffset);
        *cflag &= ~(LinuxNative.Csize | LinuxNative.Cstopb | LinuxNative.Parenb | LinuxNative.Parodd | LinuxNative.Crtscts);
        *cflag |= LinuxNative.Cs8 | LinuxNative.Cread | LinuxNative.Clocal;
        if (Settings.Parity != SerialParity.None)
        {
            *cflag |= LinuxNative.Parenb;
        }
        if (Settings.Parity == SerialParity.Odd)
        {
            *cflag |= LinuxNative.Parodd;
        }
        // VMIN = 0, VTIME = 0: read() never blocks; waiting is done by poll() so cancellation works.
        termios[LinuxNative.CcOffset + LinuxNative.VMin] = 0;
        termios[LinuxNative.CcOffset + LinuxNative.VTime] = 0;
        var speed = LinuxNative.BaudConstant(Settings.BaudRate);
        if (LinuxNative.CfSetISpeed(termios, speed) != 0 || LinuxNative.CfSetOSpeed(termios, speed) != 0
            || LinuxNative.TcSetAttr(fd, LinuxNative.TcsaNow, termios) != 0)
        {
            throw new IOException($"Cannot configure {Settings.Path} at {Settings.BaudRate} baud: errno {Marshal.GetLastPInvokeError()}");
        }
        _ = LinuxNative.TcFlush(fd, LinuxNative.TciFlush);
    }

    /// <inheritdoc />
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var fd = _fd >= 0 ? _fd : throw new InvalidOperationException("Port is not open.");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ready = await Task.Run(() => WaitReady(fd, LinuxNative.PollIn), cancellationToken).ConfigureAwait(false);
            if (!ready)
            {
                continue;
            }
            var n = ReadNow(fd, buffer.Span);
            if (n > 0)
            {
                return n;
            }
        }
    }

    private unsafe int ReadNow(int fd, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            var n = LinuxNative.Read(fd, p, buffer.Length);
            if (n >= 0)
            {
                return (int)n;
            }
            var errno = Marshal.GetLastPInvokeError();
            return errno is LinuxNative.EAgain or LinuxNative.EIntr
                ? 0
                : throw new IOException($"read failed on {Settings.Path}: errno {errno}");
        }
    }

    private static unsafe bool WaitReady(int fd, short events)
    {
        var pfd = new LinuxNative.PollFd { Fd = fd, Events = events };
        var rc = LinuxNative.Poll(&pfd, 1, PollSliceMs);
        if (rc < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            return errno == LinuxNative.EIntr ? false : throw new IOException($"poll failed: errno {errno}");
        }
        // POLLHUP without POLLIN on a pty means the other side is gone; surface it instead of spinning.
        if (rc > 0 && (pfd.Revents & events) == 0 && (pfd.Revents & 0x18) != 0)
        {
            throw new IOException("Serial line hung up");
        }
        return rc > 0 && (pfd.Revents & events) != 0;
    }

    /// <inheritdoc />
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var fd = _fd >= 0 ? _fd : throw new InvalidOperationException("Port is not open.");
        var offset = 0;
        while (offset < data.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = WriteNow(fd, data.Span[offset..]);
            if (n > 0)
            {
                offset += n;
                continue;
            }
            _ = await Task.Run(() => WaitReady(fd, LinuxNative.PollOut), cancellationToken).ConfigureAwait(false);
        }
    }

    private unsafe int WriteNow(int fd, ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
        {
            var n = LinuxNative.Write(fd, p, data.Length);
            if (n >= 0)
            {
                return (int)n;
            }
            var errno = Marshal.GetLastPInvokeError();
            return errno is LinuxNative.EAgain or LinuxNative.EIntr
                ? 0
                : throw new IOException($"write failed on {Settings.Path}: errno {errno}");
        }
    }

    /// <inheritdoc />
    public void DiscardInput()
    {
        if (_fd >= 0)
        {
            _ = LinuxNative.TcFlush(_fd, LinuxNative.TciFlush);
        }
    }

    /// <inheritdoc />
    public ValueTask CloseAsync()
    {
        var fd = Interlocked.Exchange(ref _fd, -1);
        if (fd >= 0)
        {
            _ = LinuxNative.Close(fd);
        }
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => CloseAsync();
}
