using System.Buffers.Binary;

namespace Chezlepro.Modbus.Pdu;

/// <summary>PDU of write single register (FC 6): the response echoes the request.</summary>
public static class WriteSingleRegisterPdu
{
    /// <summary>Builds the request (and, identically, the response) PDU.</summary>
    /// <param name="address">Register.</param>
    /// <param name="value">Value.</param>
    public static byte[] Encode(ushort address, ushort value)
    {
        var pdu = new byte[5];
        pdu[0] = ModbusFunction.WriteSingleRegister;
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), value);
        return pdu;
    }

    /// <summary>Parses a request or its echo.</summary>
    /// <param name="pdu">The PDU.</param>
    /// <exception cref="ModbusFrameException">Malformed PDU.</exception>
    public static (ushort Address, ushort Value) Decode(ReadOnlySpan<byte> pdu)
    {
        if (pdu.Length != 5 || pdu[0] != ModbusFunction.WriteSingleRegister)
        {
            throw new ModbusFrameException($"Write-single PDU must be 5 bytes with function 6, got {pdu.Length} bytes");
        }
        return (BinaryPrimitives.ReadUInt16BigEndian(pdu[1..]), BinaryPrimitives.ReadUInt16BigEndian(pdu[3..]));
    }
}
