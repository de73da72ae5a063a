namespace Chezlepro.Modbus;

/// <summary>No complete reply arrived within the per-request timeout.</summary>
public sealed class ModbusTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="unitId">Unit addressed.</param>
    /// <param name="function">Function code of the request.</param>
    /// <param name="address">First register of the request.</param>
    /// <param name="timeout">Timeout that elapsed.</param>
    public ModbusTimeoutException(byte unitId, byte function, ushort address, TimeSpan timeout)
        : base($"No reply from unit {unitId} to function {function} at address {address} within {timeout.TotalMilliseconds} ms")
    {
        UnitId = unitId;
        Function = function;
        Address = address;
    }

    /// <summary>Unit addressed.</summary>
    public byte UnitId { get; }

    /// <summary>Function code of the request.</summary>
    public byte Function { get; }

    /// <summary>First register of the request.</summary>
    public ushort Address { get; }
}
