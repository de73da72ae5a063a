namespace Chezlepro.Mqtt.Packets;

/// <summary>The Remaining Length field: base-128, least significant group first, at most 4 bytes (§2.2.3).</summary>
internal static class RemainingLength
{
    /// <summary>Largest value four bytes can carry (<c>FF FF FF 7F</c>).</summary>
    public const int Max = 268_435_455;

    public static int SizeOf(int value) => value switch
    {
        < 128 => 1,
        < 16_384 => 2,
        < 2_097_152 => 3,
        _ => 4,
    };

    /// <summary>Writes the shortest encoding ([MQTT-1.5.5-1] in v5; the same bytes are valid 3.1.1).</summary>
    public static int Write(Span<byte> destination, int value)
    {
        if ((uint)value > Max) throw new MqttProtocolException($"Remaining Length {value} exceeds {Max} (§2.2.3)");
        var i = 0;
        do
        {
            var b = (byte)(value % 128);
            value /= 128;
            if (value > 0) b |= 0x80;
            destination[i++] = b;
        }
        while (value > 0);
        return i;
    }

    /// <summary>
    /// Reads the field that starts at <paramref name="source"/>[0]. Returns the number of bytes it took,
    /// 0 when more bytes are needed, or -1 when a 5th continuation byte makes it malformed.
    /// </summary>
    public static int TryRead(ReadOnlySpan<byte> source, out int value)
    {
        value = 0;
        var multiplier = 1;
        for (var i = 0; i < 4; i++)
        {
            if (i >= source.Length) return 0;
            var b = source[i];
            value += (b & 0x7F) * multiplier;
            if ((b & 0x80) == 0) return i + 1;
            multiplier *= 128;
        }
        return -1;
    }
}
