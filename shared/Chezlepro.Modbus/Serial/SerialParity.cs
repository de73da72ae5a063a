namespace Chezlepro.Modbus.Serial;

/// <summary>Parity of an 8-bit character frame.</summary>
public enum SerialParity
{
    /// <summary>8N1.</summary>
    None,
    /// <summary>8E1 (the Modbus RTU default when parity is used).</summary>
    Even,
    /// <summary>8O1.</summary>
    Odd,
}
