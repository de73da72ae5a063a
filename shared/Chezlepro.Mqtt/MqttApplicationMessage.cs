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
    bool Retain = false)
{
    /// <summary>
    /// DUP flag of a received PUBLISH: the broker is re-delivering after a resumed session [MQTT-3.3.1-1].
    /// It does not prove an earlier copy arrived. Ignored when publishing.
    /// </summary>
    public bool Duplicate { get; init; }
}
