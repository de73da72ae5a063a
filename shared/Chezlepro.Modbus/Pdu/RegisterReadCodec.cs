using System.Buffers.Binary;

namespace Chezlepro.Modbus.Pdu;

/// <summary>FC 3 and FC 4 share one layout (Modbus Application Protocol 6.3 and 6.4).</summary>
internal static class RegisterReadCodec
{
    internal const int MaxCount = 125;

    internal static byte[] EncodeRequest(byte function, ushort address, ushort count)
    {
        if (count is 0 or > MaxCount)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A read covers 1 to 125 registers.");
        }
        var pdu = new byte[5];
        pdu[0] = function;
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(1), address);
        BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(3), count);
        return pdu;
    }

    internal static (ushort Address, ushort Count) DecodeRequest(byte function, ReadOnlySpan<byte> pdu)
    {
        if (pdu.Length != 5 || pdu[0] != function)
        {
            throw new ModbusFrameException($"Read request for function {function} must be 5 bytes, got {pdu.Length}");
        }
        return (BinaryPrimitives.ReadUInt16BigEndian(pdu[1..]), BinaryPrimitives.ReadUInt16BigEndian(pdu[3..]));
    }

    internal static byte[] EncodeResponse(byte function, ReadOnlySpan<ushort> values)
    {
        var pdu = new byte[2 + (values.Length * 2)];
        pdu[0] = function;
        pdu[1] = (byte)(values.Length * 2);
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(pdu.AsSpan(2 + (i * 2)), values[i]);
        }
        return pdu;
    }

    internal static ushort[] DecodeResponse(byte function, ReadOnlySpan<byte> pdu, ushort expectedCount)
    {
        if (pdu.Length < 2 || pdu[0] != function)
        {
            throw new ModbusFrameException($"Reply to function {function} is malformed ({pdu.Length} bytes)");
        }
        var byteCount = pdu[1];
        if (byteCount != expectedCount * 2 || pdu.Length != 2 + byteCount)
        {
            throw new ModbusFrameException(
                $"Reply to function {function} carries {byteCount} data bytes in a {pdu.Length}-byte PDU; expected {expectedCount * 2}");
        }
        var values = new ushort[expectedCount];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt16BigEndian(pdu[(2 + (i * 2))..]);
        }
        return values;
    }
}
