using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Chezlepro.Collector.Evidence;

/// <summary>
/// The canonical JSON of an evidence record and its hash (rules in Evidence/README.md). The form is the one
/// <c>jq -cS</c> (jq 1.6 and later) prints for the same value, so an auditor recomputes every hash with <c>jq</c> and
/// <c>sha256sum</c> alone: keys sorted by code point, no whitespace, strings escaped as jq does, and numbers restricted
/// to the forms jq prints unchanged (jq 1.6 reads numbers as doubles).
/// </summary>
public static class EvidenceCanonical
{
    /// <summary>The <c>prev</c> of the first record of a chain.</summary>
    public const string Genesis = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

    private const int MaxDepth = 32;
    private const int MaxSignificantDigits = 15;

    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    /// <summary>The record's canonical bytes (UTF-8); throws <see cref="EvidenceFormatException"/> on a value outside the form.</summary>
    public static byte[] Encode(long seq, string kind, DateTimeOffset at, string? client, string subject, JsonObject data, string prev)
    {
        ArgumentNullException.ThrowIfNull(data);
        var record = new JsonObject
        {
            ["seq"] = seq,
            ["kind"] = kind,
            ["at"] = FormatAt(at),
            ["client"] = client,
            ["subject"] = subject,
            ["data"] = data.DeepClone(),
            ["prev"] = prev,
        };
        return Encode(record);
    }

    /// <summary>The canonical bytes of any JSON value that meets the form.</summary>
    public static byte[] Encode(JsonNode? node)
    {
        var text = new StringBuilder();
        Write(node, text, 0);
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary><c>sha256:</c> + lowercase hex of SHA-256 over the bytes.</summary>
    public static string Hash(ReadOnlySpan<byte> canonical) => "sha256:" + Convert.ToHexStringLower(SHA256.HashData(canonical));

    /// <summary>The record's <c>at</c>: UTC, ISO-8601, milliseconds, <c>Z</c> (finer precision is cut, as stored).</summary>
    public static string FormatAt(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Whether a text is a hash of the form <c>sha256:</c> + 64 lowercase hex digits.</summary>
    public static bool IsHash(string? text) =>
        text is { Length: 71 } && text.StartsWith("sha256:", StringComparison.Ordinal) && !text.AsSpan(7).ContainsAnyExcept(LowerHex);

    private static void Write(JsonNode? node, StringBuilder text, int depth)
    {
        if (depth > MaxDepth) throw new EvidenceFormatException($"nested deeper than {MaxDepth}");
        switch (node)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject o:
                text.Append('{');
                var first = true;
                // Code point order is UTF-8 byte order (jq's), not .NET's UTF-16 ordinal order.
                foreach (var (key, value) in o.OrderBy(p => Encoding.UTF8.GetBytes(p.Key), Utf8Order.Instance))
                {
                    if (!first) text.Append(',');
                    first = false;
                    WriteString(key, text);
                    text.Append(':');
                    Write(value, text, depth + 1);
                }
                text.Append('}');
                break;
            case JsonArray a:
                text.Append('[');
                for (var i = 0; i < a.Count; i++)
                {
                    if (i > 0) text.Append(',');
                    Write(a[i], text, depth + 1);
                }
                text.Append(']');
                break;
            case JsonValue v:
                WriteValue(v, text);
                break;
        }
    }

    private static void WriteValue(JsonValue v, StringBuilder text)
    {
        switch (v.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(v.TryGetValue<string>(out var s) ? s : JsonDocument.Parse(v.ToJsonString()).RootElement.GetString()!, text);
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Null:
                text.Append("null");
                break;
            case JsonValueKind.Number:
                var number = v.ToJsonString();
                if (!IsCanonicalNumber(number))
                    throw new EvidenceFormatException($"number {number}: only integers and decimals without exponent, trailing zero or more than {MaxSignificantDigits} significant digits");
                text.Append(number);
                break;
            default:
                throw new EvidenceFormatException($"value of kind {v.GetValueKind()} is not allowed");
        }
    }

    /// <summary>
    /// <c>-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?</c>, at most 15 significant digits, no <c>-0</c>, and a decimal below 1 has
    /// at most 3 zeros after the point: exactly the numbers jq 1.6 prints back as written.
    /// </summary>
    public static bool IsCanonicalNumber(string number)
    {
        ArgumentNullException.ThrowIfNull(number);
        var s = number.AsSpan();
        if (s.StartsWith("-")) s = s[1..];
        if (s.Length == 0) return false;
        var dot = s.IndexOf('.');
        var whole = dot < 0 ? s : s[..dot];
        var fraction = dot < 0 ? [] : s[(dot + 1)..];
        if (whole.Length == 0 || whole.ContainsAnyExceptInRange('0', '9') || (whole.Length > 1 && whole[0] == '0')) return false;
        if (dot >= 0 && (fraction.Length == 0 || fraction.ContainsAnyExceptInRange('0', '9') || fraction[^1] == '0')) return false;
        if (number == "-0") return false;
        var significant = whole is "0" ? fraction.TrimStart('0') : (whole.ToString() + fraction.ToString()).AsSpan();
        if (whole is "0" && dot >= 0 && fraction.Length - fraction.TrimStart('0').Length > 3) return false;
        return significant.Length <= MaxSignificantDigits;
    }

    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                default:
                    if (c < 0x20 || c == 0x7f)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsSurrogate(c))
                    {
                        // jq replaces a lone surrogate, so its bytes would differ from ours: refused instead.
                        if (!char.IsHighSurrogate(c) || i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]))
                            throw new EvidenceFormatException("string with a lone surrogate");
                        text.Append(c).Append(value[++i]);
                    }
                    else
                    {
                        text.Append(c);
                    }
                    break;
            }
        }
        text.Append('"');
    }

    private sealed class Utf8Order : IComparer<byte[]>
    {
        public static readonly Utf8Order Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
