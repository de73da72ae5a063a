namespace Chezlepro.Modbus;

/// <summary>Order of the 16-bit words of a 32- or 64-bit value (bytes inside a word are always big-endian).</summary>
public enum WordOrder
{
    /// <summary>Most significant word at the lower address (Victron GX, EG4-LL battery).</summary>
    HighFirst,
    /// <summary>Least significant word at the lower address (EG4/Luxpower inverter input registers).</summary>
    LowFirst,
}
