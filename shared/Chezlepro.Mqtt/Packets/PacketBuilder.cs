using System.Buffers.Binary;

namespace Chezlepro.Mqtt.Packets;

/// <summary>Writes one packet into an exactly-sized array: fixed header, then fields in order.</summary>
internal ref struct PacketBuilder
{
    private readonly byte[] _buffer;
    private int _position;

    public PacketBuilder(byte firstByte, int remainingLength)
    {
        if ((uint)remainingLength > RemainingLength.Max)
            throw new MqttProtocolException($"packet body of {remainingLength} bytes exceeds the 256 MB Remaining Length limit (§2.2.3)");
        _buffer = new byte[1 + RemainingLength.SizeOf(remainingLength) + remainingLength];
        _buffer[0] = firstByte;
        _position = 1 + RemainingLength.Write(_buffer.AsSpan(1), remainingLength);
    }

    public void WriteByte(byte value) => _buffer[_position++] = value;

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_buffer.AsSpan(_position), value);
        _position += 2;
    }

    /// <summary>A 2-byte length then the bytes (§1.5.3 strings, §3.1.3.5 binary data).</summary>
    public void WriteLengthPrefixed(ReadOnlySpan<byte> value)
    {
        WriteUInt16((ushort)value.Length);
        WriteBytes(value);
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_buffer.AsSpan(_position));
        _position += value.Length;
    }

    public readonly byte[] ToArray()
    {
        if (_position != _buffer.Length) throw new InvalidOperationException("packet size computed wrongly");
        return _buffer;
    }
}
