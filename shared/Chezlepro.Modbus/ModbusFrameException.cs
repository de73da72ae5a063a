namespace Chezlepro.Modbus;

/// <summary>A reply that could not be accepted: bad CRC, wrong unit, truncated, inconsistent length.</summary>
public sealed class ModbusFrameException : IOException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was wrong with the frame (no payload secrets: Modbus frames carry none).</param>
    public ModbusFrameException(string message) : base(message)
    {
    }
}
