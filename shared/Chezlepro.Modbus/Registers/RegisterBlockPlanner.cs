namespace Chezlepro.Modbus.Registers;

/// <summary>
/// Coalesces wanted values into the fewest reads. A read never crosses a gap between defined ranges (servers such
/// as Victron's dbus-modbustcp answer exception 2 for the whole read) and never exceeds the per-request limit.
/// </summary>
public static class RegisterBlockPlanner
{
    /// <summary>Plans the reads.</summary>
    /// <param name="wanted">Values to read.</param>
    /// <param name="defined">Contiguous ranges the device serves; every wanted value must lie inside one.</param>
    /// <param name="maxRegisters">Largest read, 1 to 125.</param>
    /// <returns>Reads in address order.</returns>
    /// <exception cref="ArgumentException">A wanted value lies outside every defined range, or is wider than the limit.</exception>
    public static IReadOnlyList<RegisterBlock> Plan(IEnumerable<RegisterDefinition> wanted, IReadOnlyList<RegisterRange> defined, int maxRegisters = 125)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRegisters, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxRegisters, 125);
        var blocks = new List<RegisterBlock>();
        int? start = null;
        var end = -1;
        var current = -1;
        foreach (var value in wanted.OrderBy(v => v.Address))
        {
            var range = -1;
            for (var i = 0; i < defined.Count && range < 0; i++)
            {
                range = defined[i].Contains(value.Address, value.LastAddress) ? i : -1;
            }
            if (range < 0)
            {
                throw new ArgumentException($"{value.Name} at {value.Address} is outside every defined range", nameof(wanted));
            }
            if (value.Width > maxRegisters)
            {
                throw new ArgumentException($"{value.Name} is {value.Width} registers wide, above the limit {maxRegisters}", nameof(wanted));
            }
            if (start is { } s && range == current && value.LastAddress - s + 1 <= maxRegisters)
            {
                end = Math.Max(end, value.LastAddress);
                continue;
            }
            if (start is { } done)
            {
                blocks.Add(new RegisterBlock((ushort)done, (ushort)(end - done + 1)));
            }
            start = value.Address;
            end = value.LastAddress;
            current = range;
        }
        if (start is { } last)
        {
            blocks.Add(new RegisterBlock((ushort)last, (ushort)(end - last + 1)));
        }
        return blocks;
    }
}
