using Chezlepro.Agent.Alerts;
using Chezlepro.Modbus;

namespace Chezlepro.Agent.Sources.Power.Victron;

/// <summary>Keys of a <c>victron-gx</c> entry (README.md in this folder).</summary>
public sealed class VictronGxSourceOptions : PowerSourceOptions
{
    /// <summary>GX host (Modbus TCP server enabled in the GX menu). Required.</summary>
    public string Host { get; set; } = "";

    /// <summary>TCP port. <value>Default 502.</value></summary>
    public int Port { get; set; } = 502;

    /// <summary>Unit id of the system service. <value>Default 100.</value></summary>
    public int SystemUnitId { get; set; } = 100;

    /// <summary>Unit id of the VE.Bus port; 0 to skip. <value>Default 227 (Cerbo GX).</value></summary>
    public int VebusUnitId { get; set; } = 227;

    /// <summary>Unit id of the battery service; 0 to skip. <value>Default 225 (CAN BMS).</value></summary>
    public int BatteryUnitId { get; set; } = 225;

    /// <summary>Per-request timeout. <value>Default 1 s.</value></summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Retries after busy or timeout. <value>Default 1.</value></summary>
    public int Retries { get; set; } = 1;

    /// <summary>Quirk: wait after connecting. <value>Default 0.</value></summary>
    public TimeSpan PauseAfterConnect { get; set; } = TimeSpan.Zero;

    /// <summary>Quirk: wait between requests. <value>Default 0.</value></summary>
    public TimeSpan PauseBetweenRequests { get; set; } = TimeSpan.Zero;

    /// <summary>The master options these keys describe.</summary>
    public ModbusMasterOptions Master => new()
    {
        RequestTimeout = RequestTimeout,
        Retries = Retries,
        PauseAfterConnect = PauseAfterConnect,
        PauseBetweenRequests = PauseBetweenRequests,
    };
}
