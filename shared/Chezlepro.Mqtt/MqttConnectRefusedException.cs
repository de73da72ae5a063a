namespace Chezlepro.Mqtt;

/// <summary>The broker answered CONNACK with a non-zero return code (§3.2.2.3).</summary>
public class MqttConnectRefusedException : MqttConnectException
{
    /// <summary>Creates the exception.</summary>
    public MqttConnectRefusedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened (no secrets).</param>
    public MqttConnectRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened (no secrets).</param>
    /// <param name="innerException">The cause.</param>
    public MqttConnectRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a CONNACK return code.</summary>
    /// <param name="message">What happened (no secrets).</param>
    /// <param name="returnCode">CONNACK return code (3.1.1) or reason code (5.0).</param>
    public MqttConnectRefusedException(string message, int returnCode)
        : base(message) => ReturnCode = returnCode;

    /// <summary>CONNACK return code (3.1.1: 1–5) or reason code (5.0: 0x80 and up).</summary>
    public int ReturnCode { get; }
}
