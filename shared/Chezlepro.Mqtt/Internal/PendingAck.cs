using Chezlepro.Mqtt.Packets;

namespace Chezlepro.Mqtt.Internal;

/// <summary>A packet id in use, waiting for its PUBACK, SUBACK or UNSUBACK [MQTT-2.3.1-3].</summary>
internal sealed class PendingAck(MqttConnection connection, bool holdsInflightSlot)
{
    public MqttConnection Connection { get; } = connection;

    /// <summary>A QoS 1 publish holds one slot of the in-flight window until acknowledged or lost.</summary>
    public bool HoldsInflightSlot { get; } = holdsInflightSlot;

    /// <summary>The encoded PUBLISH while it waits for a window slot; null once sent.</summary>
    public byte[]? Packet { get; set; }

    public TaskCompletionSource<MqttPacket> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
