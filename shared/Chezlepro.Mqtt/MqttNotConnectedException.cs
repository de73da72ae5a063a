namespace Chezlepro.Mqtt;

/// <summary>An operation needed a connection and there was none.</summary>
public class MqttNotConnectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public MqttNotConnectedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened (no secrets).</param>
    public MqttNotConnectedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened (no secrets).</param>
    /// <param name="innerException">The cause.</param>
    public MqttNotConnectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
