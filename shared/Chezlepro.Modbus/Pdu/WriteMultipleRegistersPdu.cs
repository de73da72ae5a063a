using System.Buffers.Binary;

namespace Chezlepro.Modbus.Pdu;

/// <summary>PDU of write multiple registers (FC 16).</summary>
public static class WriteMultipleRegistersPdu
{
    /// <summary>Largest count the protocol allows in one write (Modbus Application Protocol 6.12).</summary>
    public const int MaxCount = 123;

    /// <summary>Builds the request PDU.</summary>
    /// <param name="address">First register.</param>
    /// <param name="values">1 to 123 values.</param>
    public static byte[] EncodeRequest(ushort address, ReadOnlySpan<ushort> values)
    {
        if (values.Length is 0 or > MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(values), values.Length, "A write covers 1 to 123 registers.");
        }
        var pdu = new byte[6 + (values.Length * 2)];
        pdu[0] = ModbusFunction.WriteMultipleRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), (ushort)values.Length);
        pdu[5] = (byte)(values.Length * 2);
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(6 + (i * 2)), values[i]);
        }
        return pdu;
    }

    /// <summary>Parses a request PDU (server side).</summary>
    /// <param name="pdu">The PDU.</param>
    /// <exception cref="ModbusFrameException">Malformed PDU.</exception>
    public static (ushort Address, ushort[] Values) DecodeRequest(ReadOnlySpan<byte> pdu)
    {
        if (pdu.Length < 6 || pdu[0] != ModbusFunction.WriteMultipleRegisters)
        {
            throw new ModbusFrameException($"Write-multiple request is malformed ({pdu.Length} bytes)");
        }
        var count = BinaryPrimitives.ReadUInt16BigEndian(pdu[3..]);
        if (pdu[5] != count * 2 || pdu.Length != 6 + (count * 2))
        {
            throw new ModbusFrameException($"Write-multiple request declares {count} registers but carries {pdu.Length - 6} bytes");
        }
        var values = new ushort[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt16BigEndian(pdu[(6 + (i * 2))..]);
        }
        return (BinaryPrimitives.ReadUInt16BigEndian(pdu[1..]), values);
    }

    /// <summary>Builds the response PDU (server side).</summary>
    /// <param name="address">First register written.</param>
    /// <param name="count">Registers written.</param>
    public static byte[] EncodeResponse(ushort address, ushort count)
    {
        var pdu = new byte[5];
        pdu[0] = ModbusFunction.WriteMultipleRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), count);
        return pdu;
    }

    /// <summary>Parses the response and checks it acknowledges the request.</summary>
    /// <param name="pdu">The response PDU.</param>
    /// <param name="address">First register requested.</param>
    /// <param name="count">Registers requested.</param>
    /// <exception cref="ModbusFrameException">Malformed or not matching the request.</exception>
    public static void DecodeResponse(ReadOnlySpan<byte> pdu, ushort address, ushort count)
    {
        if (pdu.Length != 5 || pdu[0] != ModbusFunction.WriteMultipleRegisters
            || BinaryPrimitives.ReadUInt16BigEndian(pdu[1..]) != address
            || BinaryPrimitives.ReadUInt16BigEndian(pdu[3..]) != count)
        {
            throw new ModbusFrameException($"Write-multiple response does not acknowledge address {address} count {count}");
        }
    }
}
