using Chezlepro.Modbus.Registers;
using T = Chezlepro.Modbus.Registers.RegisterType;

namespace Chezlepro.Devices.Eg4;

/// <summary>
/// EG4-LL runtime block (vendor PDF "EG4-LL Battery MODBUS Protocol between UPS(SMPS) and BMS V01.06";
/// /shared/reference/eg4.md §1.4): FC 3, 39 holding registers from 0, words big-endian, 32-bit values high word
/// first. Scale is the divisor: value = raw ÷ scale.
/// </summary>
public static class Eg4Registers
{
    /// <summary>First register of the runtime block.</summary>
    public const ushort RuntimeStart = 0;

    /// <summary>Length of the runtime block (reply is 83 bytes).</summary>
    public const ushort RuntimeCount = 39;

#pragma warning disable CS1591 // one field per register row; the row is its documentation
    public static readonly RegisterDefinition PackVoltage = new(0, T.UInt16, 100, "V", "pack voltage");
    public static readonly RegisterDefinition PackCurrent = new(1, T.Int16, 100, "A", "pack current (+ charging)");
    public static readonly RegisterDefinition PcbTemperature = new(18, T.Int16, 1, "°C", "PCB temperature");
    public static readonly RegisterDefinition AverageTemperature = new(19, T.Int16, 1, "°C", "average temperature");
    public static readonly RegisterDefinition MaxTemperature = new(20, T.Int16, 1, "°C", "maximum temperature");
    public static readonly RegisterDefinition RemainingCapacity = new(21, T.UInt16, 1, "Ah", "remaining capacity");
    public static readonly RegisterDefinition MaxChargeCurrent = new(22, T.UInt16, 1, "A", "max charging current");
    public static readonly RegisterDefinition Soh = new(23, T.UInt16, 1, "%", "SOH");
    public static readonly RegisterDefinition Soc = new(24, T.UInt16, 1, "%", "SOC");
    public static readonly RegisterDefinition Status = new(25, T.UInt16, 1, "", "status");
    public static readonly RegisterDefinition Warning = new(26, T.UInt16, 1, "", "warning flags");
    public static readonly RegisterDefinition Protection = new(27, T.UInt16, 1, "", "protection flags");
    public static readonly RegisterDefinition Error = new(28, T.UInt16, 1, "", "error flags");
    public static readonly RegisterDefinition Cycles = new(29, T.UInt32, 1, "", "cycle count");
    public static readonly RegisterDefinition FullCapacity = new(31, T.UInt32, 3_600_000, "Ah", "full capacity (mA·s)");
    public static readonly RegisterDefinition CellCount = new(36, T.UInt16, 1, "", "number of cells");
    public static readonly RegisterDefinition DesignCapacity = new(37, T.UInt16, 10, "Ah", "design capacity");
    public static readonly RegisterDefinition Balancing = new(38, T.UInt16, 1, "", "cell balancing bitmap");
#pragma warning restore CS1591

    /// <summary>Cell n (1–16) voltage: register n + 1, mV.</summary>
    /// <param name="cell">Cell number.</param>
    public static RegisterDefinition Cell(int cell) => new((ushort)(cell + 1), T.UInt16, 1000, "V", $"cell {cell}");

    /// <summary>Warning bits (reg 26), bit n ↔ name (§1.5).</summary>
    public static IReadOnlyList<string> WarningBits { get; } =
    [
        "pack over-voltage", "cell over-voltage", "pack under-voltage", "cell under-voltage", "charge over-current",
        "discharge over-current", "ambient temperature abnormal", "MOSFET over-temperature", "charge over-temperature",
        "discharge over-temperature", "charge under-temperature", "discharge under-temperature", "low capacity",
        "float stopped",
    ];

    /// <summary>Protection bits (reg 27); as warnings except bit 13.</summary>
    public static IReadOnlyList<string> ProtectionBits { get; } =
        [.. WarningBits.Take(13), "discharge short circuit"];

    /// <summary>Error bits (reg 28): 0 voltage, 1 temperature, 2 current flow, 4 cell imbalance.</summary>
    public static IReadOnlyList<string> ErrorBits { get; } =
        ["voltage error", "temperature error", "current-flow error", "", "cell imbalance"];
}
