namespace Chezlepro.Mqtt;

/// <summary>The peer broke the MQTT protocol, or a packet could not be decoded.</summary>
public class MqttProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MqttProtocolException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened (no secrets).</param>
    public MqttProtocolException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened (no secrets).</param>
    /// <param name="innerException">The cause.</param>
    public MqttProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
