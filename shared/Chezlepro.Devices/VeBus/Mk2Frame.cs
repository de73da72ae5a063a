namespace Chezlepro.Devices.VeBus;

/// <summary>
/// MK2 frame layout (victron.md §2.2): length (bytes after it, checksum excluded), marker 0xFF (0x20 for info
/// replies), command letter, data, checksum making the byte sum of the whole frame 0 mod 256.
/// </summary>
public static class Mk2Frame
{
    /// <summary>Marker of normal frames.</summary>
    public const byte Marker = 0xFF;

    /// <summary>Marker of info replies to 'F'.</summary>
    public const byte InfoMarker = 0x20;

    /// <summary>Builds a host → interface frame.</summary>
    /// <param name="command">Command letter ('A', 'F', 'L', 'W', …).</param>
    /// <param name="data">Data bytes.</param>
    public static byte[] Build(char command, params byte[] data) => Wrap([Marker, (byte)command, .. data]);

    /// <summary>Wraps a body (marker, command/info bytes, data) with its length and checksum.</summary>
    /// <param name="body">Bytes after the length byte.</param>
    public static byte[] Wrap(ReadOnlySpan<byte> body)
    {
        // A trailing 0xFF would be read as a marker: the protocol pads it with 0x00 (victron.md §2.2).
        byte[] padded = body.Length > 0 && body[^1] == 0xFF ? [.. body, 0x00] : body.ToArray();
        var frame = new byte[padded.Length + 2];
        frame[0] = (byte)padded.Length;
        padded.CopyTo(frame, 1);
        frame[^1] = Checksum(frame.AsSpan(0, frame.Length - 1));
        return frame;
    }

    /// <summary>The checksum byte for <paramref name="bytes"/> (length byte through last data byte).</summary>
    /// <param name="bytes">Bytes to cover.</param>
    public static byte Checksum(ReadOnlySpan<byte> bytes)
    {
        var sum = 0;
        foreach (var b in bytes)
        {
            sum += b;
        }
        return (byte)((256 - (sum & 0xFF)) & 0xFF);
    }

    /// <summary>Finds the first complete frame with a valid checksum, skipping anything before it.</summary>
    /// <param name="buffer">Bytes received.</param>
    /// <returns>(start, length) of the frame, or null when none is complete yet.</returns>
    public static (int Start, int Length)? Find(ReadOnlySpan<byte> buffer)
    {
        for (var i = 0; i + 1 < buffer.Length; i++)
        {
            var length = buffer[i] & 0x7F;
            if (length < 2 || (buffer[i + 1] != Marker && buffer[i + 1] != InfoMarker))
            {
                continue;
            }
            var total = length + 2;
            if (buffer.Length - i < total)
            {
                return null;
            }
            var sum = 0;
            foreach (var b in buffer.Slice(i, total))
            {
                sum += b;
            }
            if ((sum & 0xFF) == 0)
            {
                return (i, total);
            }
        }
        return null;
    }
}
