namespace Chezlepro.Modbus.Registers;

/// <summary>A contiguous span of addresses the device serves (defined or reserved), inclusive at both ends.</summary>
/// <param name="First">First address.</param>
/// <param name="Last">Last address.</param>
public readonly record struct RegisterRange(ushort First, ushort Last)
{
    /// <summary>True when [<paramref name="first"/>, <paramref name="last"/>] lies inside this range.</summary>
    /// <param name="first">First address.</param>
    /// <param name="last">Last address.</param>
    public bool Contains(int first, int last) => first >= First && last <= Last;
}
