using Chezlepro.Modbus;
using Chezlepro.Modbus.Pdu;

namespace Chezlepro.Simulators.Support;

/// <summary>Answers FC 3/4/6/16 PDUs from a register lookup, the way dbus-modbustcp does (exceptions 1, 2, 3).</summary>
public static class RegisterServer
{
    /// <summary>Builds the reply PDU.</summary>
    /// <param name="pdu">Request PDU.</param>
    /// <param name="read">address → value, or null when the address is not served.</param>
    /// <param name="write">Write hook returning false when the address is read-only.</param>
    public static byte[] Handle(byte[] pdu, Func<int, ushort?> read, Func<int, ushort, bool>? write = null)
    {
        var function = pdu.Length > 0 ? pdu[0] : (byte)0;
        try
        {
            switch (function)
            {
                case ModbusFunction.ReadHoldingRegisters or ModbusFunction.ReadInputRegisters:
                    var (address, count) = function == ModbusFunction.ReadHoldingRegisters
                        ? ReadHoldingRegistersPdu.DecodeRequest(pdu)
                        : ReadInputRegistersPdu.DecodeRequest(pdu);
                    if (count is 0 or > 125)
                    {
                        return ExceptionPdu.Encode(function, ModbusExceptionCode.IllegalDataValue);
                    }
                    var values = new ushort[count];
                    for (var i = 0; i < count; i++)
                    {
                        if (read(address + i) is not { } v)
                        {
                            return ExceptionPdu.Encode(function, ModbusExceptionCode.IllegalDataAddress);
                        }
                        values[i] = v;
                    }
                    return function == ModbusFunction.ReadHoldingRegisters
                        ? ReadHoldingRegistersPdu.EncodeResponse(values)
                        : ReadInputRegistersPdu.EncodeResponse(values);
                case ModbusFunction.WriteSingleRegister:
                    var (a, value) = WriteSingleRegisterPdu.Decode(pdu);
                    return write?.Invoke(a, value) == true ? pdu : ExceptionPdu.Encode(function, ModbusExceptionCode.IllegalDataAddress);
                case ModbusFunction.WriteMultipleRegisters:
                    var (start, vals) = WriteMultipleRegistersPdu.DecodeRequest(pdu);
                    for (var i = 0; i < vals.Length; i++)
                    {
                        if (write?.Invoke(start + i, vals[i]) != true)
                        {
                            return ExceptionPdu.Encode(function, ModbusExceptionCode.IllegalDataAddress);
                        }
                    }
                    return WriteMultipleRegistersPdu.EncodeResponse(start, (ushort)vals.Length);
                default:
                    return ExceptionPdu.Encode(function, ModbusExceptionCode.IllegalFunction);
            }
        }
        catch (ModbusFrameException)
        {
            return ExceptionPdu.Encode(function, ModbusExceptionCode.IllegalDataValue);
        }
    }
}
