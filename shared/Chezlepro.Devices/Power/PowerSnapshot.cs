using Chezlepro.Contracts.Messages;

namespace Chezlepro.Devices.Power;

/// <summary>
/// What one poll of a power device says, in the project's conventions (SI units, battery current and power
/// positive when charging). Null means "not available", never zero.
/// </summary>
public sealed record PowerSnapshot
{
    /// <summary>Grid (or shore) present and accepted.</summary>
    public bool? GridAvailable { get; init; }

    /// <summary>AC input voltage, V.</summary>
    public double? GridVoltage { get; init; }

    /// <summary>AC output power to the loads, W.</summary>
    public double? AcOutPower { get; init; }

    /// <summary>Battery voltage, V.</summary>
    public double? BatteryVoltage { get; init; }

    /// <summary>Battery current, A, positive when charging.</summary>
    public double? BatteryCurrent { get; init; }

    /// <summary>Battery power, W, positive when charging.</summary>
    public double? BatteryPower { get; init; }

    /// <summary>State of charge, %.</summary>
    public double? BatterySoc { get; init; }

    /// <summary>State of health, %.</summary>
    public double? BatterySoh { get; init; }

    /// <summary>Battery temperature, °C.</summary>
    public double? BatteryTemperature { get; init; }

    /// <summary>Battery capacity reported by the device, Ah (used for runtime when not configured).</summary>
    public double? BatteryCapacityAh { get; init; }

    /// <summary>Inverter state as the vendor codes it.</summary>
    public int? InverterState { get; init; }

    /// <summary>Name of <see cref="InverterState"/>.</summary>
    public string? InverterStateName { get; init; }

    /// <summary>Solar power, W.</summary>
    public double? PvPower { get; init; }

    /// <summary>Generator running.</summary>
    public bool? GensetRunning { get; init; }

    /// <summary>Inverter overload alarm.</summary>
    public AlarmLevel Overload { get; init; }

    /// <summary>Inverter high temperature alarm.</summary>
    public AlarmLevel HighTemperature { get; init; }

    /// <summary>Low battery alarm.</summary>
    public AlarmLevel LowBattery { get; init; }

    /// <summary>Active BMS protections or faults (vendor names); empty when none.</summary>
    public IReadOnlyList<string> BmsFaults { get; init; } = [];

    /// <summary>Extra per-device samples (for example <c>battery.pack.2.voltage</c>).</summary>
    public IReadOnlyList<Sample> Extra { get; init; } = [];

    /// <summary>The contract.md samples this snapshot carries (absent values are left out).</summary>
    public IEnumerable<Sample> ToSamples()
    {
        if (GridAvailable is { } grid)
        {
            yield return new Sample(MetricNames.GridAvailable, grid ? 1 : 0);
        }
        foreach (var (metric, value, unit) in new (string, double?, string)[]
                 {
                     (MetricNames.GridVoltage, GridVoltage, "V"), (MetricNames.AcOutPower, AcOutPower, "W"),
                     (MetricNames.BatteryVoltage, BatteryVoltage, "V"), (MetricNames.BatteryCurrent, BatteryCurrent, "A"),
                     (MetricNames.BatteryPower, BatteryPower, "W"), (MetricNames.BatterySoc, BatterySoc, "%"),
                     (MetricNames.BatterySoh, BatterySoh, "%"), (MetricNames.BatteryTemperature, BatteryTemperature, "°C"),
                     (MetricNames.PvPower, PvPower, "W"),
                 })
        {
            if (value is { } v)
            {
                yield return new Sample(metric, Math.Round(v, 3), unit);
            }
        }
        if (InverterState is { } state)
        {
            yield return new Sample(MetricNames.InverterState, state);
        }
        if (GensetRunning is { } genset)
        {
            yield return new Sample(MetricNames.GensetRunning, genset ? 1 : 0);
        }
        foreach (var extra in Extra)
        {
            yield return extra;
        }
    }
}
