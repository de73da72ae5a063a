using Chezlepro.Modbus.Serial;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Modbus.Transport;

/// <summary>
/// Modbus RTU framing (Modbus over Serial Line v1.02 §2.5) on any byte link: a serial port, or TCP to an
/// RS485 gateway ("RTU over TCP"). Keeps the 3.5-character silence before each request (fixed 1.75 ms
/// above 19200 baud, §2.5.1.1), drops stale input before sending, and skips noise before the reply.
/// </summary>
public sealed class ModbusRtuTransport : IModbusTransport
{
    private readonly IByteLink _link;
    private readonly TimeSpan _silence;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private long _lastActivity;

    /// <summary>Creates the transport. No I/O.</summary>
    /// <param name="link">The byte link (owned: disposed with the transport).</param>
    /// <param name="baudRate">Line speed, for the inter-frame silence (use the RS485 side's speed for a gateway).</param>
    /// <param name="time">Clock.</param>
    /// <param name="logger">Logger.</param>
    public ModbusRtuTransport(IByteLink link, int baudRate, TimeProvider? time = null, ILogger? logger = null)
    {
        _link = link;
        _silence = baudRate > 19200 ? TimeSpan.FromMilliseconds(1.75) : TimeSpan.FromSeconds(3.5 * 11 / baudRate);
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public async ValueTask<bool> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_link.IsOpen)
        {
            return false;
        }
        await _link.OpenAsync(cancellationToken).ConfigureAwait(false);
        _lastActivity = _time.GetTimestamp();
        return true;
    }

    /// <inheritdoc />
    public async ValueTask<byte[]> ExchangeAsync(byte unitId, ReadOnlyMemory<byte> requestPdu, CancellationToken cancellationToken)
    {
        var wait = _silence - _time.GetElapsedTime(_lastActivity);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }
        _link.DiscardInput();
        var adu = new byte[requestPdu.Length + 1];
        adu[0] = unitId;
        requestPdu.Span.CopyTo(adu.AsSpan(1));
        await _link.WriteAsync(ModbusCrc.Append(adu), cancellationToken).ConfigureAwait(false);

        var function = requestPdu.Span[0];
        var buffer = new byte[512];
        var filled = 0;
        try
        {
            while (true)
            {
                if (filled == buffer.Length)
                {
                    throw new ModbusFrameException($"No valid reply from unit {unitId} in {filled} bytes of line noise");
                }
                filled += await _link.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
                _lastActivity = _time.GetTimestamp();
                if (RtuFrameScanner.Scan(buffer.AsSpan(0, filled), unitId, function) is { } found)
                {
                    if (found.Start > 0)
                    {
                        ModbusLog.NoiseSkipped(_logger, found.Start, unitId);
                    }
                    return buffer.AsSpan(found.Start + 1, found.Length - 3).ToArray();
                }
            }
        }
        catch (OperationCanceledException) when (filled > 0)
        {
            throw new ModbusFrameException(
                $"Incomplete or unrecognised reply from unit {unitId}: {Convert.ToHexString(buffer, 0, Math.Min(filled, 64))}");
        }
    }

    /// <inheritdoc />
    public ValueTask ResetAsync()
    {
        _lastActivity = _time.GetTimestamp();
        if (_link.IsOpen)
        {
            _link.DiscardInput();
        }
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _link.DisposeAsync();
}
