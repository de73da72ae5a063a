namespace Chezlepro.Modbus;

/// <summary>CRC-16/MODBUS (reflected polynomial 0xA001, initial value 0xFFFF), sent low byte first.</summary>
public static class ModbusCrc
{
    private static readonly ushort[] Table = BuildTable();

    /// <summary>Computes the CRC of <paramref name="data"/>. Over a whole frame including its CRC the result is 0.</summary>
    /// <param name="data">Bytes to cover.</param>
    /// <returns>The CRC; the low byte goes on the wire first.</returns>
    public static ushort Compute(ReadOnlySpan<byte> data)
    {
        ushort crc = 0xFFFF;
        foreach (var b in data)
        {
            crc = (ushort)((crc >> 8) ^ Table[(crc ^ b) & 0xFF]);
        }
        return crc;
    }

    /// <summary>Appends the CRC of <paramref name="frame"/> (low byte first) and returns the new array.</summary>
    /// <param name="frame">Unit id and PDU.</param>
    public static byte[] Append(ReadOnlySpan<byte> frame)
    {
        var result = new byte[frame.Length + 2];
        frame.CopyTo(result);
        var crc = Compute(frame);
        result[^2] = (byte)(crc & 0xFF);
        result[^1] = (byte)(crc >> 8);
        return result;
    }

    /// <summary>True when the last two bytes of <paramref name="frame"/> are its valid CRC.</summary>
    /// <param name="frame">A whole RTU frame.</param>
    public static bool IsValid(ReadOnlySpan<byte> frame) => frame.Length >= 4 && Compute(frame) == 0;

    private static ushort[] BuildTable()
    {
        var table = new ushort[256];
        for (var i = 0; i < 256; i++)
        {
            var crc = (ushort)i;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (ushort)((crc >> 1) ^ 0xA001) : (ushort)(crc >> 1);
            }
            table[i] = crc;
        }
        return table;
    }
}
