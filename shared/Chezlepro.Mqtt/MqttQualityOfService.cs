namespace Chezlepro.Mqtt;

/// <summary>MQTT delivery guarantee (§4.3). QoS 2 is not used by this project.</summary>
public enum MqttQualityOfService : byte
{
    /// <summary>At most once.</summary>
    AtMostOnce = 0,
    /// <summary>At least once: PUBLISH / PUBACK.</summary>
    AtLeastOnce = 1,
}
