namespace Chezlepro.Devices.VeBus;

/// <summary>DC info frame: battery voltage and the two current magnitudes.</summary>
/// <param name="Voltage">Battery voltage, V.</param>
/// <param name="InverterCurrent">Current drawn by the inverter, A (magnitude).</param>
/// <param name="ChargerCurrent">Current supplied by the charger, A (magnitude).</param>
/// <param name="InverterFrequency">Inverter frequency, Hz.</param>
public sealed record Mk2DcInfo(double Voltage, double InverterCurrent, double ChargerCurrent, double InverterFrequency)
{
    /// <summary>Net battery current, positive when charging (victron.md pitfall 9: charger − inverter).</summary>
    public double BatteryCurrent => Math.Round(ChargerCurrent - InverterCurrent, 3);
}
