namespace Chezlepro.Modbus.Serial;

/// <summary>Creates the serial port implementation for the running OS. No I/O: the port opens on first use.</summary>
public static class SerialPortFactory
{
    /// <summary>Creates a port for <paramref name="settings"/>.</summary>
    /// <param name="settings">Line settings.</param>
    /// <exception cref="PlatformNotSupportedException">Neither Linux nor Windows.</exception>
    public static ISerialPort Create(SerialSettings settings)
    {
        if (!SerialSettings.SupportedBaudRates.Contains(settings.BaudRate))
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.BaudRate, "Unsupported baud rate.");
        }
        if (OperatingSystem.IsLinux())
        {
            return new LinuxSerialPort(settings);
        }
        if (OperatingSystem.IsWindows())
        {
            return new WindowsSerialPort(settings);
        }
        throw new PlatformNotSupportedException("Serial ports are implemented for Linux and Windows.");
    }
}
