namespace Chezlepro.Modbus.Pdu;

/// <summary>PDU of read holding registers (FC 3): pure encode and decode.</summary>
public static class ReadHoldingRegistersPdu
{
    /// <summary>Builds the request PDU.</summary>
    /// <param name="address">First register (0-based PDU address).</param>
    /// <param name="count">Registers to read, 1 to 125.</param>
    public static byte[] EncodeRequest(ushort address, ushort count) =>
        RegisterReadCodec.EncodeRequest(ModbusFunction.ReadHoldingRegisters, address, count);

    /// <summary>Parses a request PDU (server side).</summary>
    /// <param name="pdu">The request PDU.</param>
    /// <returns>First register and count.</returns>
    /// <exception cref="ModbusFrameException">Malformed request.</exception>
    public static (ushort Address, ushort Count) DecodeRequest(ReadOnlySpan<byte> pdu) =>
        RegisterReadCodec.DecodeRequest(ModbusFunction.ReadHoldingRegisters, pdu);

    /// <summary>Builds the response PDU (server side).</summary>
    /// <param name="values">Register values.</param>
    public static byte[] EncodeResponse(ReadOnlySpan<ushort> values) =>
        RegisterReadCodec.EncodeResponse(ModbusFunction.ReadHoldingRegisters, values);

    /// <summary>Parses a normal (non-exception) response PDU.</summary>
    /// <param name="pdu">The response PDU.</param>
    /// <param name="expectedCount">Registers requested.</param>
    /// <exception cref="ModbusFrameException">Wrong function, byte count or length.</exception>
    public static ushort[] DecodeResponse(ReadOnlySpan<byte> pdu, ushort expectedCount) =>
        RegisterReadCodec.DecodeResponse(ModbusFunction.ReadHoldingRegisters, pdu, expectedCount);
}
