using Chezlepro.Modbus.Serial;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Devices.VeBus;

/// <summary>
/// Reads a VE.Bus inverter/charger through an MK3-USB (2400 baud 8N1) with the MK2 protocol, following the loop of
/// victron.md §2.10: select device 0 and fetch the RAM scales once, then per poll DC info, AC info per phase, LED
/// status and the SoC variable. Unsolicited 'V' frames and frames with a bad checksum are skipped.
/// </summary>
public sealed class Mk2Client : IAsyncDisposable
{
    private static readonly int[] ScaledVariables = [0, 1, 2, 3, 4, 5, 7, 8, 13];
    private readonly IByteLink _link;
    private readonly int _phases;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly byte[] _buffer = new byte[1024];
    private int _filled;
    private Dictionary<int, Mk2Scale>? _scales;

    /// <summary>Creates the client. No I/O.</summary>
    /// <param name="link">Serial port at 2400 baud (owned).</param>
    /// <param name="phases">Phases to read (configured: the phase byte is wrong on split-phase systems, pitfall 11).</param>
    /// <param name="timeout">Per-request timeout.</param>
    /// <param name="time">Clock.</param>
    /// <param name="logger">Logger.</param>
    public Mk2Client(IByteLink link, int phases = 1, TimeSpan? timeout = null, TimeProvider? time = null, ILogger? logger = null)
    {
        _link = link;
        _phases = phases;
        _timeout = timeout ?? TimeSpan.FromSeconds(1);
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <summary>Reads once. On any failure the next call starts again with device selection.</summary>
    /// <param name="cancellationToken">Cancels the poll.</param>
    /// <exception cref="TimeoutException">No valid reply within the timeout.</exception>
    public async Task<Mk2Reading> ReadAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!_link.IsOpen || _scales is null)
            {
                await _link.OpenAsync(cancellationToken).ConfigureAwait(false);
                _ = await ExchangeAsync(Mk2Frame.Build('A', 0x01, 0x00), f => f[1] == Mk2Frame.Marker && f[2] == 'A', cancellationToken).ConfigureAwait(false);
                var scales = new Dictionary<int, Mk2Scale>();
                foreach (var id in ScaledVariables)
                {
                    var reply = await ExchangeAsync(Mk2Frame.Build('W', 0x36, (byte)id, 0x00), IsRamInfo, cancellationToken).ConfigureAwait(false);
                    scales[id] = Mk2Decoder.DecodeScale(reply);
                }
                _scales = scales;
            }
            var s = _scales;
            var dcFrame = await ExchangeAsync(Mk2Frame.Build('F', 0x00), f => f[1] == Mk2Frame.InfoMarker && f.Length > 6 && f[6] == 0x0C, cancellationToken).ConfigureAwait(false);
            var dc = Mk2Decoder.DecodeDcInfo(dcFrame, s[4], s[5], s[7]);
            var ac = new List<Mk2AcInfo>();
            for (var phase = 1; phase <= _phases; phase++)
            {
                var acFrame = await ExchangeAsync(Mk2Frame.Build('F', (byte)phase), f => f[1] == Mk2Frame.InfoMarker && f.Length > 6 && f[6] != 0x0C, cancellationToken).ConfigureAwait(false);
                ac.Add(Mk2Decoder.DecodeAcInfo(acFrame, s));
            }
            var leds = Mk2Decoder.DecodeLeds(await ExchangeAsync(Mk2Frame.Build('L'), f => f[1] == Mk2Frame.Marker && f[2] == 'L', cancellationToken).ConfigureAwait(false));
            var socFrame = await ExchangeAsync(Mk2Frame.Build('W', 0x30, 13), f => f[1] == Mk2Frame.Marker && f[2] == 'W' && f[3] == 0x85, cancellationToken).ConfigureAwait(false);
            var soc = Math.Round(Mk2Decoder.DecodeRamValue(socFrame, s[13]) * 100, 1);
            return new Mk2Reading(dc, ac, leds, soc);
        }
        catch
        {
            _scales = null;
            throw;
        }
    }

    private static bool IsRamInfo(byte[] f) => f[1] == Mk2Frame.Marker && f[2] == 'W' && f.Length > 3 && f[3] == 0x8E;

    private async Task<byte[]> ExchangeAsync(byte[] request, Func<byte[], bool> isReply, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        _filled = 0;
        _link.DiscardInput();
        await _link.WriteAsync(request, linked.Token).ConfigureAwait(false);
        try
        {
            while (true)
            {
                while (Mk2Frame.Find(_buffer.AsSpan(0, _filled)) is { } found)
                {
                    var frame = _buffer.AsSpan(found.Start, found.Length).ToArray();
                    if (found.Start > 0)
                    {
                        Mk2Log(found.Start);
                    }
                    _buffer.AsSpan(found.Start + found.Length, _filled - found.Start - found.Length).CopyTo(_buffer);
                    _filled -= found.Start + found.Length;
                    if (isReply(frame))
                    {
                        return frame;
                    }
                }
                if (_filled == _buffer.Length)
                {
                    _filled = 0;
                }
                _filled += await _link.ReadAsync(_buffer.AsMemory(_filled), linked.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"No valid MK2 reply to '{(char)request[2]}' within {_timeout.TotalMilliseconds} ms ({_filled} unparsed bytes: {Convert.ToHexString(_buffer, 0, Math.Min(_filled, 32))})");
        }
    }

    private void Mk2Log(int skipped) => DevicesLog.Mk2FrameDiscarded(_logger, skipped);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _link.DisposeAsync();
}
