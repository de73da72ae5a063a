namespace Chezlepro.Mqtt;

/// <summary>Protocol level sent in CONNECT (§3.1.2.2). 3.1.1 is the project default.</summary>
public enum MqttProtocolVersion : byte
{
    /// <summary>MQTT 3.1.1 (level 4).</summary>
    V311 = 4,
    /// <summary>MQTT 5.0 (level 5): reason codes, session and message expiry, receive maximum, user properties.</summary>
    V500 = 5,
}
