namespace Chezlepro.Modbus;

/// <summary>Exception codes of the Modbus Application Protocol v1.1b3, section 7.</summary>
public enum ModbusExceptionCode : byte
{
    /// <summary>Function code not supported.</summary>
    IllegalFunction = 0x01,
    /// <summary>Address (or address + count) outside what the server serves.</summary>
    IllegalDataAddress = 0x02,
    /// <summary>A value in the request is not allowed (for example a count above 125).</summary>
    IllegalDataValue = 0x03,
    /// <summary>Unrecoverable error in the server.</summary>
    ServerDeviceFailure = 0x04,
    /// <summary>Long operation accepted; poll later.</summary>
    Acknowledge = 0x05,
    /// <summary>Server busy; the request may be retried.</summary>
    ServerDeviceBusy = 0x06,
    /// <summary>Memory parity error.</summary>
    MemoryParityError = 0x08,
    /// <summary>Gateway has no path to the unit (Victron GX: no service of that type at the unit id).</summary>
    GatewayPathUnavailable = 0x0A,
    /// <summary>Gateway target device failed to respond.</summary>
    GatewayTargetFailedToRespond = 0x0B,
}
