namespace Chezlepro.Mqtt;

/// <summary>The broker refused the connection (CONNACK return code), or the connection could not be set up.</summary>
public class MqttConnectException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MqttConnectException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened (no secrets).</param>
    public MqttConnectException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened (no secrets).</param>
    /// <param name="innerException">The cause.</param>
    public MqttConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
