using Chezlepro.Devices.Power;

namespace Chezlepro.Devices.VeBus;

/// <summary>One poll of a VE.Bus device through an MK2/MK3 interface.</summary>
/// <param name="Dc">DC info.</param>
/// <param name="Ac">AC info per phase.</param>
/// <param name="Leds">LED status.</param>
/// <param name="Soc">VE.Bus state of charge (RAM 13), %, when read.</param>
public sealed record Mk2Reading(Mk2DcInfo Dc, IReadOnlyList<Mk2AcInfo> Ac, Mk2Leds Leds, double? Soc)
{
    /// <summary>
    /// The project's view: grid available when the mains LED is steady on (blinking = input present but not yet
    /// accepted); AC-out power is V × I per phase (apparent power: the MK2 frames carry no power factor).
    /// </summary>
    public PowerSnapshot ToSnapshot()
    {
        var current = Dc.BatteryCurrent;
        var l1 = Ac.Count > 0 ? Ac[0] : null;
        return new PowerSnapshot
        {
            GridAvailable = (Leds.On & Mk2Leds.Mains) != 0,
            GridVoltage = l1?.MainsVoltage,
            AcOutPower = Ac.Count > 0 ? Math.Round(Ac.Sum(a => a.InverterVoltage * a.InverterCurrent), 1) : null,
            BatteryVoltage = Dc.Voltage,
            BatteryCurrent = current,
            BatteryPower = Math.Round(Dc.Voltage * current, 1),
            BatterySoc = Soc,
            InverterState = l1?.State,
            InverterStateName = l1?.StateName,
            Overload = Leds.Level(Mk2Leds.Overload),
            LowBattery = Leds.Level(Mk2Leds.LowBattery),
            HighTemperature = Leds.Level(Mk2Leds.Temperature),
        };
    }
}
