namespace Chezlepro.Modbus;

/// <summary>The server answered with an exception response.</summary>
public sealed class ModbusException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="unitId">Unit that answered.</param>
    /// <param name="function">Function code of the request (without the 0x80 bit).</param>
    /// <param name="address">First register of the request.</param>
    /// <param name="code">Exception code.</param>
    public ModbusException(byte unitId, byte function, ushort address, ModbusExceptionCode code)
        : base($"Modbus exception {(byte)code} ({code}) from unit {unitId}, function {function}, address {address}")
    {
        UnitId = unitId;
        Function = function;
        Address = address;
        Code = code;
    }

    /// <summary>Unit that answered.</summary>
    public byte UnitId { get; }

    /// <summary>Function code of the request.</summary>
    public byte Function { get; }

    /// <summary>First register of the request.</summary>
    public ushort Address { get; }

    /// <summary>Exception code.</summary>
    public ModbusExceptionCode Code { get; }
}
