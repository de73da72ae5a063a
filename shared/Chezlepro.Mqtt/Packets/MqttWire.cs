using System.Buffers.Binary;
using System.Text;
using Chezlepro.Mqtt.Validation;

namespace Chezlepro.Mqtt.Packets;

/// <summary>Reading of the length-prefixed UTF-8 strings of §1.5.3.</summary>
internal static class MqttWire
{
    public static bool TryReadString(ReadOnlySpan<byte> source, out string value, out int used, out string? error)
    {
        value = "";
        used = 0;
        if (source.Length < 2)
        {
            error = "string length missing";
            return false;
        }
        var length = BinaryPrimitives.ReadUInt16BigEndian(source);
        if (source.Length < 2 + length)
        {
            error = $"string of {length} bytes runs past the packet";
            return false;
        }
        var bytes = source.Slice(2, length);
        error = MqttUtf8.Check(bytes);
        if (error is not null) return false;
        value = Encoding.UTF8.GetString(bytes);
        used = 2 + length;
        return true;
    }
}
