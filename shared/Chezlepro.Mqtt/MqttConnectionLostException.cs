namespace Chezlepro.Mqtt;

/// <summary>The connection ended before the operation completed; a QoS 1 message may or may not have arrived.</summary>
public class MqttConnectionLostException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MqttConnectionLostException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened (no secrets).</param>
    public MqttConnectionLostException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened (no secrets).</param>
    /// <param name="innerException">The cause.</param>
    public MqttConnectionLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
