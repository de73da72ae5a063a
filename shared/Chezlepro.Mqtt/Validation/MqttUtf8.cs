using System.Buffers;
using System.Text;

namespace Chezlepro.Mqtt.Validation;

/// <summary>
/// UTF-8 string rules of §1.5.3, made as strict as Mosquitto's <c>mosquitto_validate_utf8</c>, which
/// disconnects on anything in the SHOULD-NOT list too (mqtt-sla.md §1.2). Checking before sending turns a
/// silent disconnect into a clear error.
/// </summary>
internal static class MqttUtf8
{
    /// <summary>Longest string a 2-byte length can carry (§1.5.3).</summary>
    public const int MaxBytes = 65_535;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Returns null when <paramref name="bytes"/> is acceptable, otherwise why not.</summary>
    public static string? Check(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > MaxBytes) return $"{bytes.Length} bytes exceeds {MaxBytes} (§1.5.3)";
        var offset = 0;
        while (offset < bytes.Length)
        {
            // Rune.DecodeFromUtf8 rejects overlong forms, surrogates (U+D800–DFFF, [MQTT-1.5.3-1]) and values above U+10FFFF.
            if (Rune.DecodeFromUtf8(bytes[offset..], out var rune, out var used) != OperationStatus.Done)
                return $"ill-formed UTF-8 at byte {offset} [MQTT-1.5.3-1]";
            var v = rune.Value;
            if (v == 0) return $"U+0000 at byte {offset} [MQTT-1.5.3-2]";
            // SHOULD NOT per §1.5.3; Mosquitto disconnects on them.
            if (v <= 0x1F || v is >= 0x7F and <= 0x9F) return $"control character U+{v:X4} at byte {offset} (§1.5.3; Mosquitto disconnects)";
            if (v is >= 0xFDD0 and <= 0xFDEF || (v & 0xFFFE) == 0xFFFE) return $"non-character U+{v:X4} at byte {offset} (§1.5.3; Mosquitto disconnects)";
            offset += used;
        }
        return null;
    }

    /// <summary>Encodes and checks; throws <see cref="ArgumentException"/> naming <paramref name="what"/>.</summary>
    public static byte[] Encode(string value, string what)
    {
        byte[] bytes;
        try
        {
            bytes = Strict.GetBytes(value);
        }
        catch (EncoderFallbackException)
        {
            throw new ArgumentException($"{what} holds a lone surrogate, not valid UTF-8 [MQTT-1.5.3-1]", what);
        }
        var error = Check(bytes);
        return error is null ? bytes : throw new ArgumentException($"{what} is not an acceptable MQTT string: {error}", what);
    }
}
