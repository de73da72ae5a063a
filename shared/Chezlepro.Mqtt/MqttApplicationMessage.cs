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

    /// <summary>MQTT 5: lifetime after which the broker no longer delivers it (§3.3.2.3.3); ignored with 3.1.1.</summary>
    public TimeSpan? MessageExpiryInterval { get; init; }

    /// <summary>MQTT 5: user properties sent or received (§3.3.2.3.7); ignored with 3.1.1.</summary>
    public IReadOnlyList<MqttUserProperty>? UserProperties { get; init; }
}
