namespace Chezlepro.Modbus.Registers;

/// <summary>How the registers of a value are read.</summary>
public enum RegisterType
{
    /// <summary>One register, unsigned.</summary>
    UInt16,
    /// <summary>One register, two's complement.</summary>
    Int16,
    /// <summary>Two registers, unsigned (word order per device).</summary>
    UInt32,
    /// <summary>Two registers, two's complement.</summary>
    Int32,
    /// <summary>Four registers, unsigned.</summary>
    UInt64,
    /// <summary>N registers of two Latin-1 characters, first character in the high byte, zero-padded.</summary>
    String,
}
