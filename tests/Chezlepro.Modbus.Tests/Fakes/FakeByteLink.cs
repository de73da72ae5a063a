using System.Threading.Channels;
using Chezlepro.Modbus.Serial;

namespace Chezlepro.Modbus.Tests.Fakes;

/// <summary>An in-memory byte link whose "device" answers each written frame with scripted bytes (or silence).</summary>
public sealed class FakeByteLink(Func<byte[], byte[]?> device) : IByteLink
{
    private readonly Channel<byte[]> _incoming = Channel.CreateUnbounded<byte[]>();
    private byte[]? _pending;

    public List<byte[]> Written { get; } = [];

    public bool IsOpen { get; private set; }

    public ValueTask OpenAsync(CancellationToken cancellationToken)
    {
        IsOpen = true;
        return ValueTask.CompletedTask;
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var chunk = _pending ?? await _incoming.Reader.ReadAsync(cancellationToken);
        var n = Math.Min(chunk.Length, buffer.Length);
        chunk.AsSpan(0, n).CopyTo(buffer.Span);
        _pending = n < chunk.Length ? chunk[n..] : null;
        return n;
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var frame = data.ToArray();
        Written.Add(frame);
        if (device(frame) is { } reply)
        {
            _incoming.Writer.TryWrite(reply);
        }
        return ValueTask.CompletedTask;
    }

    public void DiscardInput()
    {
        _pending = null;
        while (_incoming.Reader.TryRead(out _))
        {
        }
    }

    public ValueTask CloseAsync()
    {
        IsOpen = false;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => CloseAsync();

    /// <summary>A normal FC 3/4 reply frame: values[i] = base + address + i.</summary>
    public static byte[] ReadReply(byte unit, byte function, ushort address, int count, int valueBase = 1000)
    {
        var frame = new byte[3 + (count * 2)];
        frame[0] = unit;
        frame[1] = function;
        frame[2] = (byte)(count * 2);
        for (var i = 0; i < count; i++)
        {
            var v = (ushort)(valueBase + address + i);
            frame[3 + (i * 2)] = (byte)(v >> 8);
            frame[4 + (i * 2)] = (byte)v;
        }
        return ModbusCrc.Append(frame);
    }

    public static (byte Unit, byte Function, ushort Address, ushort Count) ParseRequest(byte[] frame) =>
        (frame[0], frame[1], (ushort)((frame[2] << 8) | frame[3]), (ushort)((frame[4] << 8) | frame[5]));
}
