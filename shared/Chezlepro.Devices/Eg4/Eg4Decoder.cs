using Chezlepro.Contracts.Messages;
using Chezlepro.Devices.Power;
using Chezlepro.Modbus.Registers;
using R = Chezlepro.Devices.Eg4.Eg4Registers;

namespace Chezlepro.Devices.Eg4;

/// <summary>Pure decoding of EG4-LL runtime blocks and bank aggregation.</summary>
public static class Eg4Decoder
{
    /// <summary>
    /// True when the block looks like the "master" map of newer LL firmware on unit 1 (eg4.md §1.8): at most two
    /// of registers 0–18 are non-zero. Such a block must not be decoded with the V01.06 map.
    /// </summary>
    /// <param name="registers">The 39 registers from 0.</param>
    public static bool LooksLikeMasterMap(ReadOnlySpan<ushort> registers)
    {
        var nonZero = 0;
        for (var i = 0; i < Math.Min(19, registers.Length); i++)
        {
            nonZero += registers[i] != 0 ? 1 : 0;
        }
        return nonZero <= 2;
    }

    /// <summary>Decodes the runtime block of one pack.</summary>
    /// <param name="unitId">Unit id of the pack.</param>
    /// <param name="registers">Registers 0–38.</param>
    /// <exception cref="FormatException">Not 39 registers, or an implausible cell count.</exception>
    public static Eg4PackReading DecodePack(byte unitId, ushort[] registers)
    {
        if (registers.Length != R.RuntimeCount)
        {
            throw new FormatException($"EG4 runtime block of unit {unitId} must be {R.RuntimeCount} registers, got {registers.Length}");
        }
        var v = RegisterValues.From(R.RuntimeStart, registers);
        double Val(RegisterDefinition d) => RegisterDecoder.Value(d, v)!.Value;
        var cellCount = (int)Val(R.CellCount);
        if (cellCount is < 1 or > 16)
        {
            throw new FormatException($"EG4 unit {unitId} reports {cellCount} cells (expected 1–16)");
        }
        var temps = new List<int>(6);
        for (var reg = 33; reg <= 35; reg++)
        {
            temps.Add((sbyte)(registers[reg] >> 8));
            temps.Add((sbyte)(registers[reg] & 0xFF));
        }
        return new Eg4PackReading
        {
            UnitId = unitId,
            Voltage = Val(R.PackVoltage),
            Current = Val(R.PackCurrent),
            Cells = Enumerable.Range(1, cellCount).Select(c => Val(R.Cell(c))).ToList(),
            PcbTemperature = Val(R.PcbTemperature),
            MaxTemperature = Val(R.MaxTemperature),
            RemainingAh = Val(R.RemainingCapacity),
            Soh = Val(R.Soh),
            Soc = Val(R.Soc),
            Status = registers[25],
            Warning = registers[26],
            Protection = registers[27],
            Error = registers[28],
            Cycles = (long)Val(R.Cycles),
            FullCapacityAh = Val(R.FullCapacity),
            Temperatures = temps,
            DesignCapacityAh = Val(R.DesignCapacity),
        };
    }

    /// <summary>Names of the set bits of <paramref name="flags"/> (multiple bits may be set: masks, not equality).</summary>
    /// <param name="flags">Flag word.</param>
    /// <param name="names">Name per bit; empty or missing names are "bit n".</param>
    public static IReadOnlyList<string> BitNames(ushort flags, IReadOnlyList<string> names)
    {
        var result = new List<string>();
        for (var bit = 0; bit < 16; bit++)
        {
            if ((flags & (1 << bit)) != 0)
            {
                result.Add(bit < names.Count && names[bit].Length > 0 ? names[bit] : $"bit {bit}");
            }
        }
        return result;
    }

    /// <summary>
    /// Bank values from the packs that answered: voltage is the mean, current the sum, SoC weighted by full
    /// capacity, SoH the minimum, temperature the maximum. Protection and error bits become BMS faults except the
    /// "low capacity" protection bit, which a pack at 100 % was seen to raise (eg4.md §1.5, wombatt #14).
    /// </summary>
    /// <param name="packs">Packs read in this poll (at least one).</param>
    /// <param name="ignoreLowCapacityProtection">Quirk: treat protection bit 12 as advisory.</param>
    public static PowerSnapshot Aggregate(IReadOnlyList<Eg4PackReading> packs, bool ignoreLowCapacityProtection = true)
    {
        ArgumentOutOfRangeException.ThrowIfZero(packs.Count);
        var capacity = packs.Sum(p => p.FullCapacityAh > 0 ? p.FullCapacityAh : p.DesignCapacityAh);
        var soc = capacity > 0
            ? packs.Sum(p => p.Soc * (p.FullCapacityAh > 0 ? p.FullCapacityAh : p.DesignCapacityAh)) / capacity
            : packs.Average(p => p.Soc);
        var voltage = packs.Average(p => p.Voltage);
        var current = packs.Sum(p => p.Current);
        var faults = new List<string>();
        var extra = new List<Sample>();
        foreach (var p in packs)
        {
            var protections = p.Protections.Where(n => !(ignoreLowCapacityProtection && n == "low capacity"));
            faults.AddRange(protections.Concat(p.Errors).Select(n => $"pack {p.UnitId}: {n}"));
            extra.Add(new Sample(MetricNames.BatteryPack(p.UnitId, MetricNames.Pack.Voltage), p.Voltage, "V"));
            extra.Add(new Sample(MetricNames.BatteryPack(p.UnitId, MetricNames.Pack.Current), p.Current, "A"));
            extra.Add(new Sample(MetricNames.BatteryPack(p.UnitId, MetricNames.Pack.Soc), p.Soc, "%"));
            extra.Add(new Sample(MetricNames.BatteryPack(p.UnitId, MetricNames.Pack.Soh), p.Soh, "%"));
            extra.Add(new Sample(MetricNames.BatteryPack(p.UnitId, MetricNames.Pack.CellMin), p.Cells.Min(), "V"));
            extra.Add(new Sample(MetricNames.BatteryPack(p.UnitId, MetricNames.Pack.CellMax), p.Cells.Max(), "V"));
            extra.Add(new Sample(MetricNames.BatteryPack(p.UnitId, MetricNames.Pack.TemperatureMax), p.MaxTemperature, "°C"));
            extra.Add(new Sample(MetricNames.BatteryPack(p.UnitId, MetricNames.Pack.Cycles), p.Cycles));
        }
        return new PowerSnapshot
        {
            BatteryVoltage = Math.Round(voltage, 2),
            BatteryCurrent = Math.Round(current, 2),
            BatteryPower = Math.Round(voltage * current, 1),
            BatterySoc = Math.Round(soc, 1),
            BatterySoh = packs.Min(p => p.Soh),
            BatteryTemperature = packs.Max(p => p.MaxTemperature),
            BatteryCapacityAh = capacity > 0 ? capacity : null,
            BmsFaults = faults,
            Extra = extra,
        };
    }
}
