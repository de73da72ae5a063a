using Chezlepro.Devices.Power;
using Chezlepro.Modbus.Registers;
using R = Chezlepro.Devices.Victron.VictronRegisters;

namespace Chezlepro.Devices.Victron;

/// <summary>
/// Pure decoding of the three GX services into a <see cref="PowerSnapshot"/>. Honours the traps of victron.md:
/// an invalid D-Bus value reads 0 (so zeros are only trusted where a zero is plausible and a presence indicator
/// agrees), vebus powers are in 10 W steps, the system battery voltage has 0.1 V resolution while the battery
/// service has 0.01 V, so the battery service wins when present.
/// </summary>
public static class VictronDecoder
{
    private const int SourceNotConnected = 240;

    /// <summary>Decodes one poll. Any of the three sets may be null (service not configured or not answering).</summary>
    /// <param name="system">Registers of unit 100.</param>
    /// <param name="vebus">Registers of the VE.Bus unit.</param>
    /// <param name="battery">Registers of the battery unit.</param>
    public static PowerSnapshot Decode(RegisterValues? system, RegisterValues? vebus, RegisterValues? battery)
    {
        system ??= new RegisterValues();
        vebus ??= new RegisterValues();
        battery ??= new RegisterValues();
        double? V(RegisterDefinition d, RegisterValues set) => RegisterDecoder.Value(d, set);
        double? NonZero(RegisterDefinition d, RegisterValues set) => V(d, set) is { } v && v != 0 ? v : null;

        // The battery service is "present" when its voltage is non-zero; its zeros are then real zeros.
        var batteryPresent = NonZero(R.BatteryVoltage, battery) is not null;
        var vebusPresent = NonZero(R.NumberOfPhases, vebus) is not null;
        var systemPresent = NonZero(R.SystemBatteryVoltage, system) is not null;

        var voltage = batteryPresent ? V(R.BatteryVoltage, battery)
            : systemPresent ? V(R.SystemBatteryVoltage, system)
            : NonZero(R.VebusDcVoltage, vebus);
        var current = batteryPresent ? V(R.BatteryCurrent, battery)
            : systemPresent ? V(R.SystemBatteryCurrent, system)
            : vebusPresent ? V(R.VebusDcCurrent, vebus) : null;
        var power = batteryPresent ? V(R.BatteryPower, battery)
            : systemPresent ? V(R.SystemBatteryPower, system)
            : voltage * current;
        var soc = batteryPresent ? V(R.BatterySoc, battery)
            : systemPresent ? V(R.SystemBatterySoc, system)
            : vebusPresent ? V(R.VebusSoc, vebus) : null;

        var phases = (int)(V(R.NumberOfPhases, vebus) ?? 0);
        double? acOut = null;
        if (vebusPresent)
        {
            acOut = new[] { R.AcOutPowerL1, R.AcOutPowerL2, R.AcOutPowerL3 }.Take(Math.Clamp(phases, 1, 3)).Sum(d => V(d, vebus) ?? 0);
        }
        else if (system.Has(R.ConsumptionL1))
        {
            acOut = (V(R.ConsumptionL1, system) ?? 0) + (V(R.ConsumptionL2, system) ?? 0) + (V(R.ConsumptionL3, system) ?? 0);
        }

        var source = (int?)V(R.ActiveInSource, system);
        var gridLostAlarm = (int)(V(R.AlarmGridLost, vebus) ?? 0) == 2;
        var activeInput = (int?)V(R.ActiveInput, vebus);
        bool? gridAvailable = source switch
        {
            1 or 3 => !gridLostAlarm,
            2 or SourceNotConnected => false,
            _ when vebusPresent => !gridLostAlarm && activeInput != SourceNotConnected && (V(R.AcInVoltageL1, vebus) ?? 0) > 0,
            _ => null,
        };
        var gensetPower = (V(R.GensetL1, system) ?? 0) + (V(R.GensetL2, system) ?? 0) + (V(R.GensetL3, system) ?? 0);
        bool? genset = system.Has(R.ActiveInSource) || system.Has(R.GensetL1) ? source == 2 || gensetPower > 0 : null;

        var pv = system.Has(R.PvDcPower)
            ? (V(R.PvDcPower, system) ?? 0) + (V(R.PvOnOutputL1, system) ?? 0) + (V(R.PvOnOutputL2, system) ?? 0)
              + (V(R.PvOnOutputL3, system) ?? 0) + (V(R.PvOnGridL1, system) ?? 0)
            : (double?)null;

        var state = vebusPresent ? (int?)V(R.VebusState, vebus) : null;
        var faults = batteryPresent
            ? R.BatteryFaultAlarms.Where(d => (V(d, battery) ?? 0) >= 2).Select(d => d.Name).ToList()
            : [];

        return new PowerSnapshot
        {
            GridAvailable = gridAvailable,
            GridVoltage = vebusPresent ? NonZero(R.AcInVoltageL1, vebus) ?? (gridAvailable == false ? 0 : null) : null,
            AcOutPower = acOut,
            BatteryVoltage = voltage,
            BatteryCurrent = current,
            BatteryPower = power,
            BatterySoc = soc,
            BatterySoh = batteryPresent ? NonZero(R.BatterySoh, battery) : null,
            BatteryTemperature = batteryPresent ? V(R.BatteryTemperature, battery) : null,
            BatteryCapacityAh = batteryPresent ? NonZero(R.BatteryCapacity, battery) : null,
            InverterState = state,
            InverterStateName = state is { } s ? R.StateName(s) : null,
            PvPower = pv,
            GensetRunning = genset,
            Overload = Level(V(R.AlarmOverload, vebus)),
            HighTemperature = Level(V(R.AlarmHighTemperature, vebus)),
            LowBattery = Level(V(R.AlarmLowBattery, vebus)),
            BmsFaults = faults,
        };
    }

    private static AlarmLevel Level(double? raw) => raw switch
    {
        1 => AlarmLevel.Warning,
        2 => AlarmLevel.Alarm,
        _ => AlarmLevel.Ok,
    };
}
