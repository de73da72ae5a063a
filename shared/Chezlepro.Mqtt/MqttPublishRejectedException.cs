namespace Chezlepro.Mqtt;

/// <summary>
/// MQTT 5 only: the broker answered a QoS 1 PUBLISH with a failure reason code (0x80 and up, §3.4.2.1), for example
/// 0x87 "not authorized" when its ACL denies the topic. The message counts as acknowledged and is not re-sent [MQTT-4.4.0-2].
/// </summary>
public class MqttPublishRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MqttPublishRejectedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public MqttPublishRejectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public MqttPublishRejectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a PUBACK reason code.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="reasonCode">The PUBACK reason code.</param>
    public MqttPublishRejectedException(string message, byte reasonCode)
        : base(message) => ReasonCode = reasonCode;

    /// <summary>PUBACK reason code (§3.4.2.1), e.g. 0x87 not authorized, 0x97 quota exceeded.</summary>
    public byte ReasonCode { get; }
}
