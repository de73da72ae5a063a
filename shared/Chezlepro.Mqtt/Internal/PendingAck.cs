using Chezlepro.Mqtt.Packets;

namespace Chezlepro.Mqtt.Internal;

/// <summary>A packet id in use, waiting for its PUBACK, SUBACK or UNSUBACK [MQTT-2.3.1-3].</summary>
internal sealed class PendingAck(MqttConnection connection, bool holdsInflightSlot)
{
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

    public TaskCompletionSource<MqttPacket> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
