namespace Chezlepro.Modbus.Transport;

/// <summary>Carries one request PDU to a unit and returns its reply PDU. Framing lives here; meaning lives in the master.</summary>
public interface IModbusTransport : IAsyncDisposable
{
    /// <summary>Opens the connection when it is not open.</summary>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>True when a new connection was made (the master then honours the pause-after-connect quirk).</returns>
    ValueTask<bool> ConnectAsync(CancellationToken cancellationToken);

    /// <summary>Sends <paramref name="requestPdu"/> to <paramref name="unitId"/> and returns the matching reply PDU.</summary>
    /// <param name="unitId">Unit (slave) id.</param>
    /// <param name="requestPdu">Function code and data.</param>
    /// <param name="cancellationToken">Carries the per-request timeout.</param>
    /// <exception cref="ModbusFrameException">A reply arrived that cannot be accepted.</exception>
    ValueTask<byte[]> ExchangeAsync(byte unitId, ReadOnlyMemory<byte> requestPdu, CancellationToken cancellationToken);

    /// <summary>Forgets a half-finished exchange (after a timeout or a bad frame) so the next one starts clean.</summary>
    ValueTask ResetAsync();
}
