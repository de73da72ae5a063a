using System.Buffers.Binary;

namespace Chezlepro.Devices.VeBus;

/// <summary>Pure decoders of MK2 replies (victron.md §2.5–2.8). Input is a whole frame (length byte to checksum).</summary>
public static class Mk2Decoder
{
    /// <summary>Device states of the AC info frame (§2.7).</summary>
    public static IReadOnlyList<string> DeviceStates { get; } =
        ["down", "startup", "off", "slave", "invert-full", "invert-half", "invert-aes", "power-assist", "bypass", "charge"];

    private static ReadOnlySpan<byte> Body(ReadOnlySpan<byte> frame, int minLength, string what)
    {
        if (frame.Length < 3 || frame.Length != (frame[0] & 0x7F) + 2)
        {
            throw new FormatException($"MK2 {what} frame has {frame.Length} bytes, length byte says {(frame.Length > 0 ? (frame[0] & 0x7F) + 2 : 0)}");
        }
        if (Mk2Frame.Checksum(frame[..^1]) != frame[^1])
        {
            throw new FormatException($"MK2 {what} frame checksum mismatch");
        }
        var body = frame[1..^1];
        return body.Length >= minLength ? body : throw new FormatException($"MK2 {what} frame too short ({body.Length} bytes)");
    }

    /// <summary>Decodes a 'W' 0x36 reply: <c>FF 57 8E sclLo sclHi 8F offLo offHi</c>.</summary>
    /// <param name="frame">The frame.</param>
    public static Mk2Scale DecodeScale(ReadOnlySpan<byte> frame)
    {
        var b = Body(frame, 8, "scale");
        if (b[0] != Mk2Frame.Marker || b[1] != 'W' || b[2] != 0x8E || b[5] != 0x8F)
        {
            throw new FormatException("MK2 reply is not a RAM variable info reply");
        }
        var s = BinaryPrimitives.ReadInt16LittleEndian(b[3..]);
        var signed = s < 0;
        var magnitude = Math.Abs((int)s);
        var factor = magnitude >= 0x4000 ? 1.0 / (0x8000 - magnitude) : magnitude;
        return new Mk2Scale(factor, BinaryPrimitives.ReadInt16LittleEndian(b[6..]), signed);
    }

    /// <summary>Decodes a DC info reply (to 'F' 0).</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="voltage">Scale of RAM 4 (UBat).</param>
    /// <param name="current">Scale of RAM 5 (IBat).</param>
    /// <param name="period">Scale of RAM 7 (inverter period).</param>
    public static Mk2DcInfo DecodeDcInfo(ReadOnlySpan<byte> frame, Mk2Scale voltage, Mk2Scale current, Mk2Scale period)
    {
        var b = Body(frame, 15, "DC info");
        if (b[0] != Mk2Frame.InfoMarker || b[5] != 0x0C)
        {
            throw new FormatException($"MK2 frame is not a DC info reply (phase byte 0x{b[5]:X2})");
        }
        static int U24(ReadOnlySpan<byte> s) => s[0] | (s[1] << 8) | (s[2] << 16);
        var inverter = current.Factor * U24(b[8..]);
        var charger = current.Factor * U24(b[11..]);
        return new Mk2DcInfo(
            voltage.Apply(BinaryPrimitives.ReadUInt16LittleEndian(b[6..])),
            Math.Round(inverter, 3),
            Math.Round(charger, 3),
            Math.Round(period.Frequency(b[14]), 2));
    }

    /// <summary>Decodes an AC info reply (to 'F' 1..4).</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="scales">Scales of RAM 0 (mains V), 1 (mains I), 2 (inverter V), 3 (inverter I), 8 (mains period).</param>
    public static Mk2AcInfo DecodeAcInfo(ReadOnlySpan<byte> frame, IReadOnlyDictionary<int, Mk2Scale> scales)
    {
        var b = Body(frame, 15, "AC info");
        if (b[0] != Mk2Frame.InfoMarker || b[5] is < 0x05 or > 0x0B)
        {
            throw new FormatException($"MK2 frame is not an AC info reply (phase byte 0x{b[5]:X2})");
        }
        var phase = b[5] switch { 0x07 => 2, 0x06 => 3, 0x05 => 4, _ => 1 };
        // victron.md pitfall 10: inverter current may be negative although RAM 3 says unsigned; read it signed.
        var inverterCurrentScale = scales[3] with { Signed = true };
        return new Mk2AcInfo(
            phase,
            b[4],
            b[4] < DeviceStates.Count ? DeviceStates[b[4]] : $"unknown-{b[4]}",
            Math.Round(scales[0].Apply(BinaryPrimitives.ReadUInt16LittleEndian(b[6..])), 2),
            Math.Round(scales[1].Apply(BinaryPrimitives.ReadUInt16LittleEndian(b[8..])) * Math.Max((int)b[1], 1), 2),
            Math.Round(scales[2].Apply(BinaryPrimitives.ReadUInt16LittleEndian(b[10..])), 2),
            Math.Round(inverterCurrentScale.Apply(BinaryPrimitives.ReadUInt16LittleEndian(b[12..])) * Math.Max((int)b[2], 1), 2),
            Math.Round(scales[8].Frequency(b[14]), 2));
    }

    /// <summary>Decodes an 'L' reply: <c>FF 4C on blink …</c>.</summary>
    /// <param name="frame">The frame.</param>
    public static Mk2Leds DecodeLeds(ReadOnlySpan<byte> frame)
    {
        var b = Body(frame, 4, "LED");
        return b[0] == Mk2Frame.Marker && b[1] == 'L' ? new Mk2Leds(b[2], b[3]) : throw new FormatException("MK2 reply is not an LED reply");
    }

    /// <summary>Decodes a 'W' 0x30 reply carrying one RAM value: <c>FF 57 85 lo hi</c>.</summary>
    /// <param name="frame">The frame.</param>
    /// <param name="scale">Scale of the variable.</param>
    public static double DecodeRamValue(ReadOnlySpan<byte> frame, Mk2Scale scale)
    {
        var b = Body(frame, 5, "RAM value");
        return b[0] == Mk2Frame.Marker && b[1] == 'W' && b[2] == 0x85
            ? scale.Apply(BinaryPrimitives.ReadUInt16LittleEndian(b[3..]))
            : throw new FormatException("MK2 reply is not a RAM read reply");
    }
}
