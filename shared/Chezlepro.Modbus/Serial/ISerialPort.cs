namespace Chezlepro.Modbus.Serial;

/// <summary>A serial port of our own (no System.IO.Ports): termios on Linux, Win32 comm API on Windows.</summary>
public interface ISerialPort : IByteLink
{
    /// <summary>Line settings applied at open.</summary>
    SerialSettings Settings { get; }
}
