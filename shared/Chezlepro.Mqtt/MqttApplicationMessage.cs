namespace Chezlepro.Mqtt;

/// <summary>An application message as published or received.</summary>
/// <param name="Topic">Topic name (no wildcards).</param>
/// <param name="Payload">Payload bytes; may be empty.</param>
/// <param name="QualityOfService">QoS.</param>
/// <param name="Retain">Retain flag.</param>
public sealed record MqttApplicationMessage(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQualityOfService QualityOfService = MqttQualityOfService.AtLeastOnce,
    bool Retain = false);
