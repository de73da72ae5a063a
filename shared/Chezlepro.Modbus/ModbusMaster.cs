using Chezlepro.Modbus.Pdu;
using Chezlepro.Modbus.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.Retry;

namespace Chezlepro.Modbus;

/// <summary>
/// A Modbus master (client): FC 3, 4, 6 and 16 over any <see cref="IModbusTransport"/>. One request at a
/// time. Applies the per-request timeout, the quirks of <see cref="ModbusMasterOptions"/>, and the only retry
/// policy of the project (busy and timeout, nothing else).
/// </summary>
public sealed class ModbusMaster : IAsyncDisposable
{
    private readonly IModbusTransport _transport;
    private readonly ModbusMasterOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _retry;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long? _lastExchangeEnd;

    /// <summary>Creates the master. No I/O: the transport connects on the first request.</summary>
    /// <param name="transport">Transport (owned: disposed with the master).</param>
    /// <param name="options">Options.</param>
    /// <param name="time">Clock for timeouts and pauses.</param>
    /// <param name="logger">Logger.</param>
    public ModbusMaster(IModbusTransport transport, ModbusMasterOptions? options = null, TimeProvider? time = null, ILogger? logger = null)
    {
        _transport = transport;
        _options = options ?? new ModbusMasterOptions();
        _time = time ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        var builder = new ResiliencePipelineBuilder { TimeProvider = _time };
        if (_options.Retries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = _options.Retries,
                Delay = _options.RetryDelay,
                BackoffType = DelayBackoffType.Constant,
                UseJitter = false,
                ShouldHandle = new PredicateBuilder()
                    .Handle<ModbusException>(e => e.Code == ModbusExceptionCode.ServerDeviceBusy)
                    .Handle<ModbusTimeoutException>(),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is ModbusException busy)
                    {
                        ModbusLog.Retrying(_logger, busy.UnitId, busy.Function, busy.Address, args.AttemptNumber + 1);
                    }
                    else if (args.Outcome.Exception is ModbusTimeoutException timeout)
                    {
                        ModbusLog.Retrying(_logger, timeout.UnitId, timeout.Function, timeout.Address, args.AttemptNumber + 1);
                    }
                    return default;
                },
            });
        }
        _retry = builder.Build();
    }

    /// <summary>Options in force.</summary>
    public ModbusMasterOptions Options => _options;

    /// <summary>Requests sent on the wire (retries and split reads included); for benchmarks and diagnostics.</summary>
    public long RequestCount { get; private set; }

    /// <summary>Reads holding registers (FC 3); reads longer than <see cref="ModbusMasterOptions.MaxRegistersPerRequest"/> are split.</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="address">First register (0-based).</param>
    /// <param name="count">Register count.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <exception cref="ModbusException">The server answered with an exception.</exception>
    /// <exception cref="ModbusTimeoutException">No reply within the timeout (after retries).</exception>
    /// <exception cref="ModbusFrameException">A reply that cannot be accepted.</exception>
    public Task<ushort[]> ReadHoldingRegistersAsync(byte unitId, ushort address, ushort count, CancellationToken cancellationToken = default) =>
        ReadAsync(ModbusFunction.ReadHoldingRegisters, unitId, address, count, cancellationToken);

    /// <summary>Reads input registers (FC 4); see <see cref="ReadHoldingRegistersAsync"/>.</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="address">First register (0-based).</param>
    /// <param name="count">Register count.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    public Task<ushort[]> ReadInputRegistersAsync(byte unitId, ushort address, ushort count, CancellationToken cancellationToken = default) =>
        ReadAsync(ModbusFunction.ReadInputRegisters, unitId, address, count, cancellationToken);

    /// <summary>Writes one register (FC 6).</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="address">Register.</param>
    /// <param name="value">Value.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task WriteSingleRegisterAsync(byte unitId, ushort address, ushort value, CancellationToken cancellationToken = default)
    {
        var request = WriteSingleRegisterPdu.Encode(address, value);
        var reply = await ExecuteAsync(unitId, ModbusFunction.WriteSingleRegister, address, request, cancellationToken).ConfigureAwait(false);
        if (WriteSingleRegisterPdu.Decode(reply) != (address, value))
        {
            throw new ModbusFrameException($"Write-single echo from unit {unitId} does not match address {address}");
        }
    }

    /// <summary>Writes consecutive registers (FC 16).</summary>
    /// <param name="unitId">Unit id.</param>
    /// <param name="address">First register.</param>
    /// <param name="values">1 to 123 values.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    public async Task WriteMultipleRegistersAsync(byte unitId, ushort address, ushort[] values, CancellationToken cancellationToken = default)
    {
        var request = WriteMultipleRegistersPdu.EncodeRequest(address, values);
        var reply = await ExecuteAsync(unitId, ModbusFunction.WriteMultipleRegisters, address, request, cancellationToken).ConfigureAwait(false);
        WriteMultipleRegistersPdu.DecodeResponse(reply, address, (ushort)values.Length);
    }

    private async Task<ushort[]> ReadAsync(byte function, byte unitId, ushort address, ushort count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(count);
        var result = new ushort[count];
        var done = 0;
        while (done < count)
        {
            var chunk = (ushort)Math.Min(count - done, _options.MaxRegistersPerRequest);
            var start = (ushort)(address + done);
            var request = RegisterReadCodec.EncodeRequest(function, start, chunk);
            var reply = await ExecuteAsync(unitId, function, start, request, cancellationToken).ConfigureAwait(false);
            RegisterReadCodec.DecodeResponse(function, reply, chunk).CopyTo(result, done);
            done += chunk;
        }
        return result;
    }

    private async Task<byte[]> ExecuteAsync(byte unitId, byte function, ushort address, byte[] request, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await _retry.ExecuteAsync(
                async ct => await ExchangeOnceAsync(unitId, function, address, request, ct).ConfigureAwait(false),
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask<byte[]> ExchangeOnceAsync(byte unitId, byte function, ushort address, byte[] request, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        byte[] reply;
        try
        {
            if (await _transport.ConnectAsync(linked.Token).ConfigureAwait(false))
            {
                _lastExchangeEnd = null;
                if (_options.PauseAfterConnect > TimeSpan.Zero)
                {
                    await Task.Delay(_options.PauseAfterConnect, _time, cancellationToken).ConfigureAwait(false);
                }
            }
            if (_options.PauseBetweenRequests > TimeSpan.Zero && _lastExchangeEnd is { } last)
            {
                var wait = _options.PauseBetweenRequests - _time.GetElapsedTime(last);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                }
            }
            RequestCount++;
            reply = await _transport.ExchangeAsync(unitId, request, linked.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && timeout.IsCancellationRequested
                                  && e is OperationCanceledException)
        {
            await _transport.ResetAsync().ConfigureAwait(false);
            ModbusLog.Timeout(_logger, unitId, function, address, _options.RequestTimeout.TotalMilliseconds);
            throw new ModbusTimeoutException(unitId, function, address, _options.RequestTimeout);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller gave up (a poll that overran its interval): a read may have stopped inside a frame, and the
            // rest of that frame would be taken for the next reply's MBAP header (seen under emulation as
            // "protocol 1200, length 0"), so the next exchange starts on a fresh connection.
            await _transport.ResetAsync().ConfigureAwait(false);
            throw;
        }
        catch (Exception e) when (e is ModbusFrameException or IOException or System.Net.Sockets.SocketException)
        {
            await _transport.ResetAsync().ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            ModbusLog.BadFrame(_logger, unitId, e.Message);
            throw;
        }
        finally
        {
            _lastExchangeEnd = _time.GetTimestamp();
        }
        if (ExceptionPdu.IsException(reply))
        {
            if ((reply[0] & 0x7F) != function)
            {
                throw new ModbusFrameException($"Exception reply from unit {unitId} names function {reply[0] & 0x7F}, expected {function}");
            }
            throw new ModbusException(unitId, function, address, ExceptionPdu.Decode(reply));
        }
        return reply;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _transport.DisposeAsync().ConfigureAwait(false);
        _gate.Dispose();
    }
}
