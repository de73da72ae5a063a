using Chezlepro.Mqtt.Packets;

namespace Chezlepro.Mqtt.Internal;

/// <summary>A packet id in use, waiting for its PUBACK, SUBACK or UNSUBACK [MQTT-2.3.1-3].</summary>
internal sealed class PendingAck(MqttConnection connection, bool holdsInflightSlot, BatchAck? batch = null, int batchIndex = 0)
{
    private int _settled;

    /// <summary>
    /// The connection the packet went out on. A QoS 1 publish of a durable session moves to the next connection
    /// when it is re-sent there [MQTT-4.4.0-1].
    /// </summary>
    public MqttConnection Connection { get; set; } = connection;

    /// <summary>A QoS 1 publish holds one slot of the in-flight window until acknowledged or lost.</summary>
    public bool HoldsInflightSlot { get; } = holdsInflightSlot;

    /// <summary>The encoded PUBLISH while it waits for a window slot; null once sent.</summary>
    public byte[]? Packet { get; set; }

    /// <summary>
    /// The PUBLISH as sent (id patched in), kept until PUBACK when the session is durable so it can be re-sent
    /// with the same id after a reconnect [MQTT-4.4.0-1]; null otherwise.
    /// </summary>
    public byte[]? Sent { get; set; }

    /// <summary>Send order, so re-sends go out in the original order [MQTT-4.6.0-1].</summary>
    public long Order { get; set; }

    /// <summary>The caller's wait, one per packet; null for a publish of a batch (its <see cref="BatchAck"/> is the wait).</summary>
    public TaskCompletionSource<MqttPacket>? Completion { get; } = batch is null ? new(TaskCreationOptions.RunContinuationsAsynchronously) : null;

    /// <summary>The acknowledgement arrived; only the first settlement counts.</summary>
    public void Succeed(MqttPacket ack)
    {
        if (Interlocked.Exchange(ref _settled, 1) != 0) return;
        if (batch is not null) batch.Settle(batchIndex, null);
        else Completion!.TrySetResult(ack);
    }

    /// <summary>The packet will not be acknowledged (or was refused); only the first settlement counts.</summary>
    public void Fail(Exception failure)
    {
        if (Interlocked.Exchange(ref _settled, 1) != 0) return;
        if (batch is not null) batch.Settle(batchIndex, failure);
        else Completion!.TrySetException(failure);
    }
}
