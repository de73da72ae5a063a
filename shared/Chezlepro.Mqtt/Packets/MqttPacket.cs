namespace Chezlepro.Mqtt.Packets;

/// <summary>A decoded packet received from the broker.</summary>
internal abstract record MqttPacket;
