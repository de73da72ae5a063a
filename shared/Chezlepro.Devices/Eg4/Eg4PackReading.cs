namespace Chezlepro.Devices.Eg4;

/// <summary>Decoded runtime block of one EG4-LL pack.</summary>
public sealed record Eg4PackReading
{
    /// <summary>Modbus unit id of the pack.</summary>
    public required byte UnitId { get; init; }

    /// <summary>Pack voltage, V (0.01 V resolution).</summary>
    public required double Voltage { get; init; }

    /// <summary>Pack current, A, positive when charging.</summary>
    public required double Current { get; init; }

    /// <summary>Valid cell voltages, V.</summary>
    public required IReadOnlyList<double> Cells { get; init; }

    /// <summary>PCB temperature, °C.</summary>
    public required double PcbTemperature { get; init; }

    /// <summary>Maximum temperature, °C (reg 20 per the PDF order).</summary>
    public required double MaxTemperature { get; init; }

    /// <summary>Remaining capacity, Ah.</summary>
    public required double RemainingAh { get; init; }

    /// <summary>State of health, %.</summary>
    public required double Soh { get; init; }

    /// <summary>State of charge, %.</summary>
    public required double Soc { get; init; }

    /// <summary>Raw status word (reg 25; bit 15 exposed raw because sources disagree).</summary>
    public required ushort Status { get; init; }

    /// <summary>Raw warning flags.</summary>
    public required ushort Warning { get; init; }

    /// <summary>Raw protection flags.</summary>
    public required ushort Protection { get; init; }

    /// <summary>Raw error flags.</summary>
    public required ushort Error { get; init; }

    /// <summary>Cycle count.</summary>
    public required long Cycles { get; init; }

    /// <summary>Learned full capacity, Ah.</summary>
    public required double FullCapacityAh { get; init; }

    /// <summary>Sensor temperatures T1–T6, °C.</summary>
    public required IReadOnlyList<int> Temperatures { get; init; }

    /// <summary>Design capacity, Ah.</summary>
    public required double DesignCapacityAh { get; init; }

    /// <summary>Names of the active warning bits.</summary>
    public IReadOnlyList<string> Warnings => Eg4Decoder.BitNames(Warning, Eg4Registers.WarningBits);

    /// <summary>Names of the active protection bits.</summary>
    public IReadOnlyList<string> Protections => Eg4Decoder.BitNames(Protection, Eg4Registers.ProtectionBits);

    /// <summary>Names of the active error bits.</summary>
    public IReadOnlyList<string> Errors => Eg4Decoder.BitNames(Error, Eg4Registers.ErrorBits);
}
