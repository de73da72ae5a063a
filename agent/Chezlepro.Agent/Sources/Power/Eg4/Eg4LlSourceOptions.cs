using Chezlepro.Agent.Alerts;
using Chezlepro.Modbus;
using Chezlepro.Modbus.Serial;

namespace Chezlepro.Agent.Sources.Power.Eg4;

/// <summary>Keys of an <c>eg4-ll</c> entry (README.md in this folder).</summary>
public sealed class Eg4LlSourceOptions : PowerSourceOptions
{
    /// <summary>Serial device of the USB-RS485 adapter (<c>/dev/ttyUSB1</c>, <c>COM3</c>); or use Host/Port.</summary>
    public string? SerialPort { get; set; }

    /// <summary>RS485-to-Ethernet gateway host (transparent mode, RTU framing over TCP); instead of SerialPort.</summary>
    public string? Host { get; set; }

    /// <summary>Gateway TCP port. <value>Default 502.</value></summary>
    public int Port { get; set; } = 502;

    /// <summary>Line speed. <value>Default 9600 (EG4-LL default).</value></summary>
    public int BaudRate { get; set; } = 9600;

    /// <summary>Parity. <value>Default None (8N1 per the vendor PDF).</value></summary>
    public SerialParity Parity { get; set; } = SerialParity.None;

    /// <summary>Pack addresses polled in turn. Required; avoid 0 (broadcast-like on some packs) and note unit 1 may serve the bank "master" map.</summary>
    public List<int> UnitIds { get; set; } = [];

    /// <summary>Spacing between reads (vendor PDF: 100 ms). <value>Default 100 ms.</value></summary>
    public TimeSpan PauseBetweenUnits { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Quirk: wait after opening the port (CH341 adapters need seconds). <value>Default 0.</value></summary>
    public TimeSpan PauseAfterConnect { get; set; } = TimeSpan.Zero;

    /// <summary>Per-request timeout. <value>Default 1 s.</value></summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries after busy or timeout. <value>Default 1.</value></summary>
    public int Retries { get; set; } = 1;

    /// <summary>Quirk: the "low capacity" protection bit is advisory (seen at 100 % SoC). <value>Default true.</value></summary>
    public bool IgnoreLowCapacityProtection { get; set; } = true;

    /// <summary>The master options these keys describe.</summary>
    public ModbusMasterOptions Master => new()
    {
        RequestTimeout = RequestTimeout,
        Retries = Retries,
        PauseAfterConnect = PauseAfterConnect,
        PauseBetweenRequests = PauseBetweenUnits,
        MaxRegistersPerRequest = 39,
    };
}
