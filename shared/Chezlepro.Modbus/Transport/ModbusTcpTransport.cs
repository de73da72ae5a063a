using System.Buffers.Binary;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Chezlepro.Modbus.Transport;

/// <summary>
/// Modbus TCP (MBAP header, Modbus Messaging on TCP/IP Implementation Guide v1.0b §3.1). Replies are matched
/// by transaction id; a reply with another id (late answer to a request that timed out) is discarded.
/// </summary>
public sealed class ModbusTcpTransport : IModbusTransport
{
    private const int MbapLength = 7;
    private readonly string _host;
    private readonly int _port;
    private readonly ILogger _logger;
    private TcpClient? _client;
    private NetworkStream? _stream;
    private ushort _transactionId;

    /// <summary>Creates the transport. No I/O.</summary>
    /// <param name="host">Server host.</param>
    /// <param name="port">Server port (502).</param>
    /// <param name="logger">Logger.</param>
    public ModbusTcpTransport(string host, int port, ILogger? logger = null)
    {
        _host = host;
        _port = port;
        _logger = logger ?? NullLogger.Instance;
    }

    /// <inheritdoc />
    public async ValueTask<bool> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_client?.Connected == true && _stream is not null)
        {
            return false;
        }
        await ResetAsync().ConfigureAwait(false);
        var client = new TcpClient { NoDelay = true };
        try
        {
            await client.ConnectAsync(_host, _port, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            client.Dispose();
            throw;
        }
        _client = client;
        _stream = client.GetStream();
        ModbusLog.Connected(_logger, _host, _port);
        return true;
    }

    /// <inheritdoc />
    public async ValueTask<byte[]> ExchangeAsync(byte unitId, ReadOnlyMemory<byte> requestPdu, CancellationToken cancellationToken)
    {
        var stream = _stream ?? throw new InvalidOperationException("Transport is not connected.");
        var txn = ++_transactionId;
        var adu = new byte[MbapLength + requestPdu.Length];
        BinaryPrimitives.WriteUInt16BigEndian(adu, txn);
        BinaryPrimitives.WriteUInt16BigEndian(adu.AsSpan(4), (ushort)(requestPdu.Length + 1));
        adu[6] = unitId;
        requestPdu.Span.CopyTo(adu.AsSpan(MbapLength));
        await stream.WriteAsync(adu, cancellationToken).ConfigureAwait(false);

        var header = new byte[MbapLength];
        while (true)
        {
            await stream.ReadExactlyAsync(header, cancellationToken).ConfigureAwait(false);
            var replyTxn = BinaryPrimitives.ReadUInt16BigEndian(header);
            var protocol = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(2));
            var length = BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(4));
            if (protocol != 0 || length is < 2 or > 254)
            {
                throw new ModbusFrameException($"Invalid MBAP header from {_host}:{_port}: protocol {protocol}, length {length}");
            }
            var pdu = new byte[length - 1];
            await stream.ReadExactlyAsync(pdu, cancellationToken).ConfigureAwait(false);
            if (replyTxn != txn)
            {
                ModbusLog.StrayReply(_logger, replyTxn, txn);
                continue;
            }
            if (header[6] != unitId)
            {
                throw new ModbusFrameException($"Reply for transaction {txn} came from unit {header[6]}, expected {unitId}");
            }
            return pdu;
        }
    }

    /// <inheritdoc />
    public ValueTask ResetAsync()
    {
        // A cancelled read may have consumed part of a frame: the stream position is unknown, so reconnect.
        _stream?.Dispose();
        _client?.Dispose();
        _stream = null;
        _client = null;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ResetAsync();
}
