using Chezlepro.Agent.Alerts;

namespace Chezlepro.Agent.Sources.Power.VeBus;

/// <summary>Keys of a <c>vebus-mk3</c> entry (README.md in this folder).</summary>
public sealed class VeBusMk3SourceOptions : PowerSourceOptions
{
    /// <summary>Serial device of the MK3-USB (<c>/dev/ttyUSB0</c>, <c>COM4</c>). Required. The line is 2400 baud 8N1.</summary>
    public string SerialPort { get; set; } = "";

    /// <summary>Phases to read (configured: the phase byte is wrong on split-phase 2×120 V). <value>Default 1.</value></summary>
    public int Phases { get; set; } = 1;

    /// <summary>Per-request timeout (a reply at 2400 baud takes ~70 ms). <value>Default 1 s.</value></summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(1);
}
