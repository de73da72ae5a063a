namespace Chezlepro.Modbus.Registers;

/// <summary>One row of a register map: where a value lives and how to turn it into engineering units.</summary>
/// <param name="Address">First register (0-based PDU address).</param>
/// <param name="Type">Encoding.</param>
/// <param name="Scale">Divisor: value = raw ÷ Scale (the Victron list convention; 0.1 means raw × 10, −10 flips the sign).</param>
/// <param name="Unit">Unit symbol of the decoded value.</param>
/// <param name="Name">Name in the vendor's terms (D-Bus path, PDF field).</param>
/// <param name="Length">Register count for <see cref="RegisterType.String"/>; ignored otherwise.</param>
public sealed record RegisterDefinition(ushort Address, RegisterType Type, double Scale, string Unit, string Name, int Length = 0)
{
    /// <summary>Registers the value occupies.</summary>
    public int Width => Type switch
    {
        RegisterType.UInt16 or RegisterType.Int16 => 1,
        RegisterType.UInt32 or RegisterType.Int32 => 2,
        RegisterType.UInt64 => 4,
        _ => Length,
    };

    /// <summary>Last register the value occupies.</summary>
    public int LastAddress => Address + Width - 1;
}
