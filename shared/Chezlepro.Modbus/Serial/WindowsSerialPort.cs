using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace Chezlepro.Modbus.Serial;

/// <summary>
/// Serial port on Windows through the Win32 comm API. Reads use COMMTIMEOUTS that return after a short slice
/// with whatever arrived, looped until cancellation, so the per-request timeout behaves as on Linux.
/// Compiled everywhere, exercised only on Windows.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed class WindowsSerialPort : ISerialPort
{
    private const uint ReadSliceMs = 20;
    private SafeFileHandle? _handle;

    /// <summary>Creates the port. No I/O.</summary>
    /// <param name="settings">Line settings.</param>
    public WindowsSerialPort(SerialSettings settings) => Settings = settings;

    /// <inheritdoc />
    public SerialSettings Settings { get; }

    /// <inheritdoc />
    public bool IsOpen => _handle is { IsInvalid: false, IsClosed: false };

    /// <inheritdoc />
    public ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        if (IsOpen)
        {
            return ValueTask.CompletedTask;
        }
        // COM10 and above need the \\.\ prefix; it is harmless for COM1..COM9.
        var path = Settings.Path.StartsWith(@"\\.\", StringComparison.Ordinal) ? Settings.Path : @"\\.\" + Settings.Path;
        var handle = WindowsNative.CreateFile(path, WindowsNative.GenericRead | WindowsNative.GenericWrite, 0, 0, WindowsNative.OpenExisting, 0, 0);
        if (handle.IsInvalid)
        {
            throw new IOException($"Cannot open serial port {Settings.Path}: error {Marshal.GetLastPInvokeError()}");
        }
        var dcb = new WindowsNative.Dcb { DcbLength = (uint)Marshal.SizeOf<WindowsNative.Dcb>() };
        if (!WindowsNative.GetCommState(handle, ref dcb))
        {
            handle.Dispose();
            throw new IOException($"GetCommState failed on {Settings.Path}: error {Marshal.GetLastPInvokeError()}");
        }
        dcb.BaudRate = (uint)Settings.BaudRate;
        dcb.Flags = Settings.Parity == SerialParity.None ? 0x1u : 0x3u; // fBinary, fParity; no flow control
        dcb.ByteSize = 8;
        dcb.Parity = Settings.Parity switch { SerialParity.Odd => 1, SerialParity.Even => 2, _ => 0 };
        dcb.StopBits = 0;
        var timeouts = new WindowsNative.CommTimeouts
        {
            ReadIntervalTimeout = WindowsNative.MaxDword,
            ReadTotalTimeoutMultiplier = WindowsNative.MaxDword,
            ReadTotalTimeoutConstant = ReadSliceMs,
        };
        if (!WindowsNative.SetCommState(handle, ref dcb) || !WindowsNative.SetCommTimeouts(handle, ref timeouts))
        {
            handle.Dispose();
            throw new IOException($"Cannot configure {Settings.Path} at {Settings.BaudRate} baud: error {Marshal.GetLastPInvokeError()}");
        }
        _handle = handle;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var handle = _handle ?? throw new InvalidOperationException("Port is not open.");
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var n = await Task.Run(() => ReadSlice(handle, buffer), cancellationToken).ConfigureAwait(false);
            if (n > 0)
            {
                return n;
            }
        }
    }

    private unsafe int ReadSlice(SafeFileHandle handle, Memory<byte> buffer)
    {
        using var pin = buffer.Pin();
        return WindowsNative.ReadFile(handle, (byte*)pin.Pointer, (uint)buffer.Length, out var read, 0)
            ? (int)read
            : throw new IOException($"ReadFile failed on {Settings.Path}: error {Marshal.GetLastPInvokeError()}");
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var handle = _handle ?? throw new InvalidOperationException("Port is not open.");
        WriteAll(handle, data);
        return ValueTask.CompletedTask;
    }

    private unsafe void WriteAll(SafeFileHandle handle, ReadOnlyMemory<byte> data)
    {
        using var pin = data.Pin();
        if (!WindowsNative.WriteFile(handle, (byte*)pin.Pointer, (uint)data.Length, out var written, 0) || written != data.Length)
        {
            throw new IOException($"WriteFile failed on {Settings.Path}: error {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <inheritdoc />
    public void DiscardInput()
    {
        if (_handle is { } handle)
        {
            _ = WindowsNative.PurgeComm(handle, WindowsNative.PurgeRxClear);
        }
    }

    /// <inheritdoc />
    public ValueTask CloseAsync()
    {
        _handle?.Dispose();
        _handle = null;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => CloseAsync();
}
