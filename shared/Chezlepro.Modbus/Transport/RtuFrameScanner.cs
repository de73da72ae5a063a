namespace Chezlepro.Modbus.Transport;

/// <summary>
/// Finds the reply to a request in the bytes received so far, skipping line noise before it. Pure: the RTU
/// transports feed it their buffer after every read.
/// </summary>
internal static class RtuFrameScanner
{
    /// <summary>Searches <paramref name="buffer"/> for the reply of <paramref name="unitId"/> to <paramref name="function"/>.</summary>
    /// <returns>(start, length) of the frame, or null when more bytes are needed.</returns>
    /// <exception cref="ModbusFrameException">A complete frame for our unit with a bad CRC, or a valid frame from another unit.</exception>
    internal static (int Start, int Length)? Scan(ReadOnlySpan<byte> buffer, byte unitId, byte function)
    {
        for (var i = 0; i + 1 < buffer.Length; i++)
        {
            var unit = buffer[i];
            var fc = buffer[i + 1];
            if ((fc & 0x7F) != function)
            {
                continue;
            }
            var length = ExpectedLength(buffer[i..], function);
            if (length is null || buffer.Length - i < length)
            {
                if (unit == unitId)
                {
                    return null;
                }
                continue;
            }
            var frame = buffer.Slice(i, length.Value);
            if (ModbusCrc.IsValid(frame))
            {
                return unit == unitId
                    ? (i, length.Value)
                    : throw new ModbusFrameException($"Reply came from unit {unit}, expected {unitId}");
            }
            if (unit == unitId)
            {
                throw new ModbusFrameException(
                    $"CRC mismatch in reply from unit {unitId} to function {function}: {Convert.ToHexString(frame)}");
            }
        }
        return null;
    }

    /// <summary>Frame length implied by the header at the start of <paramref name="candidate"/>, or null when unknown yet.</summary>
    private static int? ExpectedLength(ReadOnlySpan<byte> candidate, byte function)
    {
        if ((candidate[1] & 0x80) != 0)
        {
            return 5;
        }
        switch (function)
        {
            case ModbusFunction.ReadHoldingRegisters or ModbusFunction.ReadInputRegisters:
                if (candidate.Length < 3)
                {
                    return null;
                }
                var byteCount = candidate[2];
                return byteCount % 2 == 0 && byteCount <= 250 ? 5 + byteCount : int.MaxValue;
            case ModbusFunction.WriteSingleRegister or ModbusFunction.WriteMultipleRegisters:
                return 8;
            default:
                return null;
        }
    }
}
