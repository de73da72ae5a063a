using Chezlepro.Modbus.Registers;
using T = Chezlepro.Modbus.Registers.RegisterType;

namespace Chezlepro.Devices.Victron;

/// <summary>
/// Victron GX Modbus TCP register map (CCGX-Modbus-TCP-register-list rev 53 / dbus-modbustcp attributes.csv;
/// see /shared/reference/victron.md §1.3–1.6). Scale is the list's divisor: value = raw ÷ scale.
/// Only the values the agent publishes or alerts on are listed; <see cref="SystemRanges"/> and friends list the
/// contiguous defined (or RESERVED) spans a read may cover without exception 2.
/// </summary>
public static class VictronRegisters
{
#pragma warning disable CS1591 // one field per register row; the row is its documentation
    public static readonly RegisterDefinition PvOnOutputL1 = new(808, T.UInt16, 1, "W", "/Ac/PvOnOutput/L1/Power");
    public static readonly RegisterDefinition PvOnOutputL2 = new(809, T.UInt16, 1, "W", "/Ac/PvOnOutput/L2/Power");
    public static readonly RegisterDefinition PvOnOutputL3 = new(810, T.UInt16, 1, "W", "/Ac/PvOnOutput/L3/Power");
    public static readonly RegisterDefinition PvOnGridL1 = new(811, T.UInt16, 1, "W", "/Ac/PvOnGrid/L1/Power");
    public static readonly RegisterDefinition ConsumptionL1 = new(817, T.UInt16, 1, "W", "/Ac/Consumption/L1/Power");
    public static readonly RegisterDefinition ConsumptionL2 = new(818, T.UInt16, 1, "W", "/Ac/Consumption/L2/Power");
    public static readonly RegisterDefinition ConsumptionL3 = new(819, T.UInt16, 1, "W", "/Ac/Consumption/L3/Power");
    public static readonly RegisterDefinition GridL1 = new(820, T.Int16, 1, "W", "/Ac/Grid/L1/Power");
    public static readonly RegisterDefinition GensetL1 = new(823, T.Int16, 1, "W", "/Ac/Genset/L1/Power");
    public static readonly RegisterDefinition GensetL2 = new(824, T.Int16, 1, "W", "/Ac/Genset/L2/Power");
    public static readonly RegisterDefinition GensetL3 = new(825, T.Int16, 1, "W", "/Ac/Genset/L3/Power");
    public static readonly RegisterDefinition ActiveInSource = new(826, T.Int16, 1, "", "/Ac/ActiveIn/Source");
    public static readonly RegisterDefinition SystemBatteryVoltage = new(840, T.UInt16, 10, "V", "/Dc/Battery/Voltage");
    public static readonly RegisterDefinition SystemBatteryCurrent = new(841, T.Int16, 10, "A", "/Dc/Battery/Current");
    public static readonly RegisterDefinition SystemBatteryPower = new(842, T.Int16, 1, "W", "/Dc/Battery/Power");
    public static readonly RegisterDefinition SystemBatterySoc = new(843, T.UInt16, 1, "%", "/Dc/Battery/Soc");
    public static readonly RegisterDefinition SystemBatteryState = new(844, T.UInt16, 1, "", "/Dc/Battery/State");
    public static readonly RegisterDefinition SystemTimeToGo = new(846, T.UInt16, 0.01, "s", "/Dc/Battery/TimeToGo");
    public static readonly RegisterDefinition PvDcPower = new(850, T.UInt16, 1, "W", "/Dc/Pv/Power");

    public static readonly RegisterDefinition AcInVoltageL1 = new(3, T.UInt16, 10, "V", "/Ac/ActiveIn/L1/V");
    public static readonly RegisterDefinition AcInCurrentL1 = new(6, T.Int16, 10, "A", "/Ac/ActiveIn/L1/I");
    public static readonly RegisterDefinition AcInFrequencyL1 = new(9, T.Int16, 100, "Hz", "/Ac/ActiveIn/L1/F");
    public static readonly RegisterDefinition AcInPowerL1 = new(12, T.Int16, 0.1, "W", "/Ac/ActiveIn/L1/P");
    public static readonly RegisterDefinition AcOutVoltageL1 = new(15, T.UInt16, 10, "V", "/Ac/Out/L1/V");
    public static readonly RegisterDefinition AcOutPowerL1 = new(23, T.Int16, 0.1, "W", "/Ac/Out/L1/P");
    public static readonly RegisterDefinition AcOutPowerL2 = new(24, T.Int16, 0.1, "W", "/Ac/Out/L2/P");
    public static readonly RegisterDefinition AcOutPowerL3 = new(25, T.Int16, 0.1, "W", "/Ac/Out/L3/P");
    public static readonly RegisterDefinition VebusDcVoltage = new(26, T.UInt16, 100, "V", "/Dc/0/Voltage");
    public static readonly RegisterDefinition VebusDcCurrent = new(27, T.Int16, 10, "A", "/Dc/0/Current");
    public static readonly RegisterDefinition NumberOfPhases = new(28, T.UInt16, 1, "", "/Ac/NumberOfPhases");
    public static readonly RegisterDefinition ActiveInput = new(29, T.UInt16, 1, "", "/Ac/ActiveIn/ActiveInput");
    public static readonly RegisterDefinition VebusSoc = new(30, T.UInt16, 10, "%", "/Soc");
    public static readonly RegisterDefinition VebusState = new(31, T.UInt16, 1, "", "/State");
    public static readonly RegisterDefinition VebusError = new(32, T.UInt16, 1, "", "/VebusError");
    public static readonly RegisterDefinition AlarmHighTemperature = new(34, T.UInt16, 1, "", "/Alarms/HighTemperature");
    public static readonly RegisterDefinition AlarmLowBattery = new(35, T.UInt16, 1, "", "/Alarms/LowBattery");
    public static readonly RegisterDefinition AlarmOverload = new(36, T.UInt16, 1, "", "/Alarms/Overload");
    public static readonly RegisterDefinition VebusTemperature = new(61, T.Int16, 10, "°C", "/Dc/0/Temperature");
    public static readonly RegisterDefinition AlarmGridLost = new(64, T.UInt16, 1, "", "/Alarms/GridLost");
    public static readonly RegisterDefinition AlarmBmsPreAlarm = new(94, T.UInt16, 1, "", "/Alarms/BmsPreAlarm");

    public static readonly RegisterDefinition BatteryPower = new(256, T.Int32, 1, "W", "/Dc/0/Power");
    public static readonly RegisterDefinition BatteryVoltage = new(259, T.UInt16, 100, "V", "/Dc/0/Voltage");
    public static readonly RegisterDefinition BatteryCurrent = new(261, T.Int16, 10, "A", "/Dc/0/Current");
    public static readonly RegisterDefinition BatteryTemperature = new(262, T.Int16, 10, "°C", "/Dc/0/Temperature");
    public static readonly RegisterDefinition BatterySoc = new(266, T.UInt16, 10, "%", "/Soc");
    public static readonly RegisterDefinition BatteryAlarmLowVoltage = new(268, T.UInt16, 1, "", "/Alarms/LowVoltage");
    public static readonly RegisterDefinition BatteryAlarmHighVoltage = new(269, T.UInt16, 1, "", "/Alarms/HighVoltage");
    public static readonly RegisterDefinition BatteryAlarmLowTemperature = new(273, T.UInt16, 1, "", "/Alarms/LowTemperature");
    public static readonly RegisterDefinition BatteryAlarmHighTemperature = new(274, T.UInt16, 1, "", "/Alarms/HighTemperature");
    public static readonly RegisterDefinition BatterySoh = new(304, T.UInt16, 10, "%", "/Soh");
    public static readonly RegisterDefinition BatteryCapacity = new(309, T.UInt16, 10, "Ah", "/Capacity");
    public static readonly RegisterDefinition BatteryAlarmHighChargeCurrent = new(320, T.UInt16, 1, "", "/Alarms/HighChargeCurrent");
    public static readonly RegisterDefinition BatteryAlarmHighDischargeCurrent = new(321, T.UInt16, 1, "", "/Alarms/HighDischargeCurrent");
    public static readonly RegisterDefinition BatteryAlarmCellImbalance = new(322, T.UInt16, 1, "", "/Alarms/CellImbalance");
    public static readonly RegisterDefinition BatteryAlarmInternalFailure = new(323, T.UInt16, 1, "", "/Alarms/InternalFailure");
    public static readonly RegisterDefinition BatteryAlarmHighChargeTemperature = new(324, T.UInt16, 1, "", "/Alarms/HighChargeTemperature");
    public static readonly RegisterDefinition BatteryAlarmLowChargeTemperature = new(325, T.UInt16, 1, "", "/Alarms/LowChargeTemperature");
    public static readonly RegisterDefinition BatteryAlarmLowCellVoltage = new(326, T.UInt16, 1, "", "/Alarms/LowCellVoltage");
#pragma warning restore CS1591

    /// <summary>Values read from the system service (unit 100).</summary>
    public static IReadOnlyList<RegisterDefinition> System { get; } =
    [
        PvOnOutputL1, PvOnOutputL2, PvOnOutputL3, PvOnGridL1, ConsumptionL1, ConsumptionL2, ConsumptionL3, GridL1,
        GensetL1, GensetL2, GensetL3, ActiveInSource, SystemBatteryVoltage, SystemBatteryCurrent, SystemBatteryPower,
        SystemBatterySoc, SystemBatteryState, SystemTimeToGo, PvDcPower,
    ];

    /// <summary>Values read from the vebus service (Quattro / Multi).</summary>
    public static IReadOnlyList<RegisterDefinition> Vebus { get; } =
    [
        AcInVoltageL1, AcInCurrentL1, AcInFrequencyL1, AcInPowerL1, AcOutVoltageL1, AcOutPowerL1, AcOutPowerL2, AcOutPowerL3,
        VebusDcVoltage, VebusDcCurrent, NumberOfPhases, ActiveInput, VebusSoc, VebusState, VebusError,
        AlarmHighTemperature, AlarmLowBattery, AlarmOverload, VebusTemperature, AlarmGridLost, AlarmBmsPreAlarm,
    ];

    /// <summary>Values read from the battery service (CAN BMS or shunt).</summary>
    public static IReadOnlyList<RegisterDefinition> Battery { get; } =
    [
        BatteryPower, BatteryVoltage, BatteryCurrent, BatteryTemperature, BatterySoc, BatteryAlarmLowVoltage,
        BatteryAlarmHighVoltage, BatteryAlarmLowTemperature, BatteryAlarmHighTemperature, BatterySoh, BatteryCapacity,
        BatteryAlarmHighChargeCurrent, BatteryAlarmHighDischargeCurrent, BatteryAlarmCellImbalance,
        BatteryAlarmInternalFailure, BatteryAlarmHighChargeTemperature, BatteryAlarmLowChargeTemperature, BatteryAlarmLowCellVoltage,
    ];

    /// <summary>Battery alarms that mean a BMS protection or fault.</summary>
    public static IReadOnlyList<RegisterDefinition> BatteryFaultAlarms { get; } =
    [
        BatteryAlarmLowVoltage, BatteryAlarmHighVoltage, BatteryAlarmLowTemperature, BatteryAlarmHighTemperature,
        BatteryAlarmHighChargeCurrent, BatteryAlarmHighDischargeCurrent, BatteryAlarmCellImbalance, BatteryAlarmInternalFailure,
        BatteryAlarmHighChargeTemperature, BatteryAlarmLowChargeTemperature, BatteryAlarmLowCellVoltage,
    ];

    /// <summary>System service: 800–918 is all defined or RESERVED (victron.md §1.5).</summary>
    public static IReadOnlyList<RegisterRange> SystemRanges { get; } = [new(800, 918)];

    /// <summary>Vebus service: 3–73 and 74–104 (victron.md §1.3).</summary>
    public static IReadOnlyList<RegisterRange> VebusRanges { get; } = [new(3, 73), new(74, 104)];

    /// <summary>Battery service: 256–309 and 318–329 (victron.md §1.6).</summary>
    public static IReadOnlyList<RegisterRange> BatteryRanges { get; } = [new(256, 309), new(318, 329)];

    /// <summary>Name of a vebus <c>/State</c> value (victron.md §1.4).</summary>
    /// <param name="state">Raw value.</param>
    public static string StateName(int state) => state switch
    {
        0 => "off", 1 => "low-power", 2 => "fault", 3 => "bulk", 4 => "absorption", 5 => "float", 6 => "storage",
        7 => "equalize", 8 => "passthru", 9 => "inverting", 10 => "power-assist", 11 => "power-supply",
        244 => "sustain", 252 => "external-control", _ => $"unknown-{state}",
    };
}
