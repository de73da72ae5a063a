using System.Threading.Channels;
using Chezlepro.Mqtt.Packets;
using Chezlepro.Mqtt.Transport;

namespace Chezlepro.Mqtt.Internal;

/// <summary>
/// One network connection: its transport, a single writer that batches queued packets into few writes,
/// and the first reason it ended. A new object per CONNECT; never reused.
/// </summary>
internal sealed class MqttConnection
{
    private const int BatchSize = 64 * 1024;
    private readonly Channel<Outgoing> _writes = Channel.CreateUnbounded<Outgoing>(new UnboundedChannelOptions { SingleReader = true });
    private readonly TaskCompletionSource<CloseReason> _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenSource _cts = new();
    private readonly TimeProvider _time;
    private long _lastSent;
    private long _pingDeadline;
    private bool _disconnecting;

    public MqttConnection(IMqttTransport transport, TimeProvider time, int maxIncomingPacketSize, byte protocolLevel = 4)
    {
        ProtocolLevel = protocolLevel;
        Transport = transport;
        _time = time;
        _lastSent = time.GetTimestamp();
        MaxIncomingPacketSize = maxIncomingPacketSize;
    }

    public IMqttTransport Transport { get; }

    /// <summary>4 (3.1.1) or 5 (MQTT 5).</summary>
    public byte ProtocolLevel { get; }

    public bool IsV5 => ProtocolLevel == 5;

    /// <summary>MQTT 5 Receive Maximum from CONNACK: most unacknowledged QoS 1 publishes the server accepts [MQTT-4.9.0-1].</summary>
    public int SendQuota { get; set; } = int.MaxValue;

    /// <summary>MQTT 5 Maximum Packet Size from CONNACK [MQTT-3.1.2-27 mirror, §3.2.2.3.6]; null for none.</summary>
    public uint? MaxOutgoingPacketSize { get; set; }

    /// <summary>Keep Alive in force: ours, or the server's (MQTT 5 Server Keep Alive [MQTT-3.2.2-21]).</summary>
    public TimeSpan KeepAlive { get; set; }

    public int MaxIncomingPacketSize { get; }

    public TaskCompletionSource<ConnAckPacket> ConnAck { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Received PUBLISHes, handed to the application in arrival order by one dispatcher.</summary>
    public Channel<PublishPacket> Incoming { get; } = Channel.CreateUnbounded<PublishPacket>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    public Task<CloseReason> Closed => _closed.Task;

    public bool IsClosed => _closed.Task.IsCompleted;

    public CancellationToken Token => _cts.Token;

    /// <summary>Timestamp of the end of the last write ([MQTT-3.1.2-23] counts sent traffic only).</summary>
    public long LastSentTimestamp => Volatile.Read(ref _lastSent);

    /// <summary>When a PINGRESP is due, or 0 when no PINGREQ is outstanding.</summary>
    public long PingDeadline
    {
        get => Interlocked.Read(ref _pingDeadline);
        set => Interlocked.Exchange(ref _pingDeadline, value);
    }

    public Task? WriterTask { get; private set; }

    /// <summary>Marks that DISCONNECT is on its way, so whatever ends the connection next counts as clean.</summary>
    public void BeginDisconnect() => Volatile.Write(ref _disconnecting, true);

    public void StartWriter() => WriterTask = Task.Run(WriteLoopAsync);

    /// <summary>Queues a packet; false once the connection has ended.</summary>
    public bool TrySend(byte[] packet, TaskCompletionSource? written = null) =>
        _writes.Writer.TryWrite(new Outgoing(packet, written));

    /// <summary>Records the first reason the connection ended and stops its loops; later calls change nothing.</summary>
    public void Close(Exception? fault, bool clean, string reason)
    {
        if (Volatile.Read(ref _disconnecting))
        {
            // After our DISCONNECT the broker closes the socket; that EOF is the clean end, not a loss.
            (fault, clean, reason) = (null, true, "stopped by the application");
        }
        if (!_closed.TrySetResult(new CloseReason(reason, fault, clean))) return;
        _writes.Writer.TryComplete();
        Incoming.Writer.TryComplete();
        ConnAck.TrySetException(fault ?? new MqttConnectionLostException(reason));
        if (!clean) Transport.Abort();
        _cts.Cancel();
        while (_writes.Reader.TryRead(out var item)) item.Written?.TrySetException(new MqttConnectionLostException(reason));
    }

    private async Task WriteLoopAsync()
    {
        var batch = new byte[BatchSize];
        var waiting = new List<TaskCompletionSource>();
        try
        {
            var reader = _writes.Reader;
            while (await reader.WaitToReadAsync(_cts.Token))
            {
                var used = 0;
                while (reader.TryPeek(out var next))
                {
                    if (used > 0 && used + next.Bytes.Length > batch.Length) break;
                    reader.TryRead(out var item);
                    if (item.Bytes.Length > batch.Length)
                    {
                        await Transport.WriteAsync(item.Bytes, _cts.Token);
                    }
                    else
                    {
                        item.Bytes.CopyTo(batch, used);
                        used += item.Bytes.Length;
                    }
                    if (item.Written is not null) waiting.Add(item.Written);
                }
                if (used > 0) await Transport.WriteAsync(batch.AsMemory(0, used), _cts.Token);
                Volatile.Write(ref _lastSent, _time.GetTimestamp());
                foreach (var w in waiting) w.TrySetResult();
                waiting.Clear();
            }
        }
        catch (Exception ex)
        {
            var lost = new MqttConnectionLostException("the connection to the broker failed while writing", ex);
            foreach (var w in waiting) w.TrySetException(lost);
            Close(ex is OperationCanceledException ? null : lost, clean: false, "write failed: " + ex.Message);
        }
    }

    private readonly record struct Outgoing(byte[] Bytes, TaskCompletionSource? Written);
}

/// <summary>Why a connection ended.</summary>
internal sealed record CloseReason(string Reason, Exception? Fault, bool Clean);
