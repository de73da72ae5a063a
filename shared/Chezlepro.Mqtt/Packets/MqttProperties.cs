using System.Buffers.Binary;
using Chezlepro.Mqtt.Validation;

namespace Chezlepro.Mqtt.Packets;

/// <summary>What this client reads from an MQTT 5 property block (§2.2.2); everything else is checked and skipped.</summary>
internal sealed record MqttPropertySet
{
    public static readonly MqttPropertySet Empty = new();

    public uint? MessageExpiry { get; init; }
    public uint? SessionExpiry { get; init; }
    public ushort? ReceiveMaximum { get; init; }
    public uint? MaximumPacketSize { get; init; }
    public ushort? ServerKeepAlive { get; init; }
    public ushort? TopicAlias { get; init; }
    public string? AssignedClientId { get; init; }
    public string? ReasonString { get; init; }
    public List<MqttUserProperty>? UserProperties { get; init; }
}

/// <summary>MQTT 5 property blocks: a Variable Byte Integer length, then id/value pairs (§2.2.2).</summary>
internal static class MqttProperties
{
    public const byte MessageExpiry = 0x02;
    public const byte SessionExpiry = 0x11;
    public const byte WillDelay = 0x18;
    public const byte ReceiveMaximum = 0x21;
    public const byte UserProperty = 0x26;

    /// <summary>Encodes a block: length then the pairs. An empty block is the single byte 0 [MQTT-2.2.2-1].</summary>
    public static byte[] Encode(IEnumerable<(byte Id, uint Value)> integers, IReadOnlyList<MqttUserProperty>? user)
    {
        var body = new List<byte>();
        foreach (var (id, value) in integers)
        {
            body.Add(id);
            if (id == ReceiveMaximum)
            {
                body.Add((byte)(value >> 8));
                body.Add((byte)value);
            }
            else
            {
                body.AddRange([(byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value]);
            }
        }
        foreach (var p in user ?? [])
        {
            body.Add(UserProperty);
            foreach (var s in new[] { MqttUtf8.Encode(p.Name, "user property name"), MqttUtf8.Encode(p.Value, "user property value") })
            {
                body.Add((byte)(s.Length >> 8));
                body.Add((byte)s.Length);
                body.AddRange(s);
            }
        }
        var result = new byte[RemainingLength.SizeOf(body.Count) + body.Count];
        var n = RemainingLength.Write(result, body.Count);
        body.CopyTo(result, n);
        return result;
    }

    /// <summary>Reads the block at the start of <paramref name="source"/>; <paramref name="used"/> covers length and pairs.</summary>
    public static string? TryRead(ReadOnlySpan<byte> source, out MqttPropertySet set, out int used)
    {
        set = MqttPropertySet.Empty;
        used = 0;
        var lengthBytes = RemainingLength.TryRead(source, out var length);
        if (lengthBytes <= 0) return "property length malformed or missing (§2.2.2.1)";
        if (source.Length < lengthBytes + length) return "property block runs past the packet";
        var block = source.Slice(lengthBytes, length);
        used = lengthBytes + length;
        var result = new MqttPropertySet();
        var i = 0;
        while (i < block.Length)
        {
            var id = block[i++];
            var rest = block[i..];
            switch (id)
            {
                case 0x01 or 0x17 or 0x19 or 0x24 or 0x25 or 0x28 or 0x29 or 0x2A:
                    if (rest.Length < 1) return $"property 0x{id:X2} truncated";
                    i += 1;
                    break;
                case 0x02 or 0x11 or 0x18 or 0x27:
                    if (rest.Length < 4) return $"property 0x{id:X2} truncated";
                    var u32 = BinaryPrimitives.ReadUInt32BigEndian(rest);
                    result = id switch
                    {
                        0x02 => result with { MessageExpiry = u32 },
                        0x11 => result with { SessionExpiry = u32 },
                        0x27 => result with { MaximumPacketSize = u32 },
                        _ => result,
                    };
                    i += 4;
                    break;
                case 0x13 or 0x21 or 0x22 or 0x23:
                    if (rest.Length < 2) return $"property 0x{id:X2} truncated";
                    var u16 = BinaryPrimitives.ReadUInt16BigEndian(rest);
                    // [MQTT-3.2.2-...]: Receive Maximum 0 is a protocol error (§3.2.2.3.3).
                    if (id == 0x21 && u16 == 0) return "Receive Maximum 0 (§3.2.2.3.3)";
                    result = id switch
                    {
                        0x13 => result with { ServerKeepAlive = u16 },
                        0x21 => result with { ReceiveMaximum = u16 },
                        0x23 => result with { TopicAlias = u16 },
                        _ => result,
                    };
                    i += 2;
                    break;
                case 0x0B:
                    var vbi = RemainingLength.TryRead(rest, out _);
                    if (vbi <= 0) return "subscription identifier malformed";
                    i += vbi;
                    break;
                case 0x03 or 0x08 or 0x12 or 0x15 or 0x1A or 0x1C or 0x1F:
                    if (!MqttWire.TryReadString(rest, out var text, out var n, out var error)) return $"property 0x{id:X2}: {error}";
                    if (id == 0x12) result = result with { AssignedClientId = text };
                    if (id == 0x1F) result = result with { ReasonString = text };
                    i += n;
                    break;
                case 0x09 or 0x16:
                    if (rest.Length < 2 || rest.Length < 2 + BinaryPrimitives.ReadUInt16BigEndian(rest)) return $"property 0x{id:X2} truncated";
                    i += 2 + BinaryPrimitives.ReadUInt16BigEndian(rest);
                    break;
                case UserProperty:
                    if (!MqttWire.TryReadString(rest, out var name, out var n1, out var e1)) return "user property name: " + e1;
                    if (!MqttWire.TryReadString(rest[n1..], out var value, out var n2, out var e2)) return "user property value: " + e2;
                    (result.UserProperties ?? (result = result with { UserProperties = [] }).UserProperties!).Add(new MqttUserProperty(name, value));
                    i += n1 + n2;
                    break;
                default:
                    return $"unknown property id 0x{id:X2} (§2.2.2.2)";
            }
        }
        set = result;
        return null;
    }

    public static string Describe(byte reasonCode) => reasonCode switch
    {
        0x80 => "unspecified error (0x80)",
        0x81 => "malformed packet (0x81)",
        0x82 => "protocol error (0x82)",
        0x83 => "implementation specific error (0x83)",
        0x84 => "unsupported protocol version (0x84)",
        0x85 => "client identifier not valid (0x85)",
        0x86 => "bad user name or password (0x86)",
        0x87 => "not authorized (0x87)",
        0x88 => "server unavailable (0x88)",
        0x89 => "server busy (0x89)",
        0x8A => "banned (0x8A)",
        0x8D => "keep alive timeout (0x8D)",
        0x8E => "session taken over (0x8E)",
        0x90 => "topic name invalid (0x90)",
        0x93 => "receive maximum exceeded (0x93)",
        0x95 => "packet too large (0x95)",
        0x97 => "quota exceeded (0x97)",
        0x99 => "payload format invalid (0x99)",
        0x9C => "use another server (0x9C)",
        0x9D => "server moved (0x9D)",
        _ => $"reason code 0x{reasonCode:X2}",
    };
}
