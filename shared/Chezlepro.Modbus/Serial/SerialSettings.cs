namespace Chezlepro.Modbus.Serial;

/// <summary>Line settings of a serial port: 8 data bits, one stop bit, no flow control, raw mode.</summary>
/// <param name="Path">Device path (<c>/dev/ttyUSB0</c>, <c>COM3</c>).</param>
/// <param name="BaudRate">Baud rate; one of 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200.</param>
/// <param name="Parity">Parity.</param>
public sealed record SerialSettings(string Path, int BaudRate = 9600, SerialParity Parity = SerialParity.None)
{
    /// <summary>Baud rates both implementations support.</summary>
    public static IReadOnlyList<int> SupportedBaudRates { get; } = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200];

    /// <summary>Time of one character on the wire (start + 8 data + parity + stop bits).</summary>
    public TimeSpan CharacterTime => TimeSpan.FromSeconds((Parity == SerialParity.None ? 10.0 : 11.0) / BaudRate);
}
