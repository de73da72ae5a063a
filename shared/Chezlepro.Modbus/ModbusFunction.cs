namespace Chezlepro.Modbus;

/// <summary>Function codes this master speaks.</summary>
public static class ModbusFunction
{
    /// <summary>Read holding registers.</summary>
    public const byte ReadHoldingRegisters = 0x03;

    /// <summary>Read input registers.</summary>
    public const byte ReadInputRegisters = 0x04;

    /// <summary>Write single register.</summary>
    public const byte WriteSingleRegister = 0x06;

    /// <summary>Write multiple registers.</summary>
    public const byte WriteMultipleRegisters = 0x10;

    /// <summary>Bit set in the function code of an exception response.</summary>
    public const byte ExceptionFlag = 0x80;
}
