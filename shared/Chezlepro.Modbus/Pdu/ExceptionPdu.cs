namespace Chezlepro.Modbus.Pdu;

/// <summary>Exception response PDU: function code with bit 7 set, then the exception code.</summary>
public static class ExceptionPdu
{
    /// <summary>True when <paramref name="pdu"/> is an exception response.</summary>
    /// <param name="pdu">A response PDU.</param>
    public static bool IsException(ReadOnlySpan<byte> pdu) => pdu.Length >= 1 && (pdu[0] & ModbusFunction.ExceptionFlag) != 0;

    /// <summary>Builds an exception response (server side).</summary>
    /// <param name="function">Function code of the request.</param>
    /// <param name="code">Exception code.</param>
    public static byte[] Encode(byte function, ModbusExceptionCode code) =>
        [(byte)(function | ModbusFunction.ExceptionFlag), (byte)code];

    /// <summary>Reads the exception code.</summary>
    /// <param name="pdu">An exception response PDU.</param>
    /// <exception cref="ModbusFrameException">Not 2 bytes long.</exception>
    public static ModbusExceptionCode Decode(ReadOnlySpan<byte> pdu)
    {
        if (pdu.Length != 2)
        {
            throw new ModbusFrameException($"Exception response must be 2 bytes, got {pdu.Length}");
        }
        return (ModbusExceptionCode)pdu[1];
    }
}
