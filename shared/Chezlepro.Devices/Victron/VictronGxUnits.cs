namespace Chezlepro.Devices.Victron;

/// <summary>Unit ids of the GX services to read (victron.md §1.2: they move, so they are configuration).</summary>
/// <param name="System">System service, normally 100.</param>
/// <param name="Vebus">VE.Bus port (227 on a Cerbo GX), or null to skip.</param>
/// <param name="Battery">Battery service (225 for a CAN BMS), or null to skip.</param>
public sealed record VictronGxUnits(byte System = 100, byte? Vebus = 227, byte? Battery = 225);
