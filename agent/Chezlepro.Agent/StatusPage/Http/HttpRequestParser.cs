using System.Text;

namespace Chezlepro.Agent.StatusPage.Http;

/// <summary>
/// Parses an HTTP/1.x request head (RFC 9112 §2–§6) from raw bytes. Pure: no I/O, no allocation beyond the
/// result. Strict where leniency has caused request smuggling elsewhere: no obs-fold, no whitespace before the
/// colon, no Transfer-Encoding, a Content-Length only if zero, one Host on HTTP/1.1.
/// </summary>
internal static class HttpRequestParser
{
    /// <summary>Largest head accepted; browsers send well under 2 KiB to a page like this.</summary>
    public const int MaxHeadBytes = 8192;

    private const int MaxHeaders = 64;

    /// <summary>Looks for a complete head at the start of <paramref name="data"/>.</summary>
    /// <param name="data">Bytes received so far.</param>
    /// <param name="head">The request when <see cref="HttpParseOutcome.Complete"/>.</param>
    /// <param name="error">Why, when invalid (safe to log: no header values).</param>
    public static HttpParseOutcome Parse(ReadOnlySpan<byte> data, out HttpRequestHead? head, out string? error)
    {
        head = null;
        error = null;
        var end = FindEndOfHead(data);
        if (end < 0)
        {
            if (data.Length >= MaxHeadBytes) return Fail(HttpParseOutcome.TooLarge, "request head over 8192 bytes", out error);
            return data.Length > 0 && !IsTokenChar(data[0]) && data[0] is not (byte)'\r' and not (byte)'\n'
                ? Fail(HttpParseOutcome.Invalid, "not an HTTP request", out error)
                : HttpParseOutcome.NeedMore;
        }
        if (end > MaxHeadBytes) return Fail(HttpParseOutcome.TooLarge, "request head over 8192 bytes", out error);

        var lines = new LineReader(data[..end]);
        // RFC 9112 §2.2: a server SHOULD ignore at least one empty line received before the request-line.
        var requestLine = lines.Next();
        if (requestLine.IsEmpty) requestLine = lines.Next();
        if (!TryParseRequestLine(requestLine, out var method, out var path, out var http11, out error)) return HttpParseOutcome.Invalid;

        var hosts = 0;
        for (var i = 0; ; i++)
        {
            var line = lines.Next();
            if (line.IsEmpty) break;
            if (i == MaxHeaders) return Fail(HttpParseOutcome.TooLarge, "more than 64 header fields", out error);
            var outcome = CheckField(line, ref hosts, out error);
            if (outcome != HttpParseOutcome.Complete) return outcome;
        }
        // RFC 9112 §3.2: a server MUST respond 400 to an HTTP/1.1 request without exactly one Host.
        if (http11 && hosts != 1) return Fail(HttpParseOutcome.Invalid, hosts == 0 ? "no Host header" : "several Host headers", out error);
        head = new HttpRequestHead(method, path);
        return HttpParseOutcome.Complete;
    }

    private static HttpParseOutcome CheckField(ReadOnlySpan<byte> line, ref int hosts, out string? error)
    {
        error = null;
        // RFC 9112 §5.2: obs-fold is rejected with 400 outside message/http.
        if (line[0] is (byte)' ' or (byte)'\t') return Fail(HttpParseOutcome.Invalid, "folded header line", out error);
        var colon = line.IndexOf((byte)':');
        if (colon <= 0) return Fail(HttpParseOutcome.Invalid, "header line without a name", out error);
        var name = line[..colon];
        // RFC 9112 §5.1: no whitespace between the field name and the colon (400).
        foreach (var b in name)
        {
            if (!IsTokenChar(b)) return Fail(HttpParseOutcome.Invalid, "invalid header name", out error);
        }
        var value = line[(colon + 1)..].Trim(" \t"u8);
        foreach (var b in value)
        {
            if (b < 0x20 && b != (byte)'\t' || b == 0x7F) return Fail(HttpParseOutcome.Invalid, "control character in a header value", out error);
        }
        if (Ascii.EqualsIgnoreCase(name, "host"u8)) hosts++;
        else if (Ascii.EqualsIgnoreCase(name, "transfer-encoding"u8)) return Fail(HttpParseOutcome.BodyRefused, "request body (Transfer-Encoding)", out error);
        else if (Ascii.EqualsIgnoreCase(name, "content-length"u8) && !value.SequenceEqual("0"u8))
        {
            return Fail(HttpParseOutcome.BodyRefused, "request body (Content-Length)", out error);
        }
        return HttpParseOutcome.Complete;
    }

    private static bool TryParseRequestLine(ReadOnlySpan<byte> line, out string method, out string path, out bool http11, out string? error)
    {
        method = path = "";
        http11 = false;
        var first = line.IndexOf((byte)' ');
        var last = line.LastIndexOf((byte)' ');
        if (first <= 0 || last == first)
        {
            error = "malformed request line";
            return false;
        }
        var methodBytes = line[..first];
        var target = line[(first + 1)..last];
        var version = line[(last + 1)..];
        foreach (var b in methodBytes)
        {
            if (!IsTokenChar(b))
            {
                error = "invalid method";
                return false;
            }
        }
        if (version.SequenceEqual("HTTP/1.1"u8)) http11 = true;
        else if (!version.SequenceEqual("HTTP/1.0"u8))
        {
            error = "unsupported HTTP version";
            return false;
        }
        // Origin-form only (RFC 9112 §3.2.1); visible ASCII, so nothing odd reaches routing or a log.
        if (target.IsEmpty || target[0] != (byte)'/' || target.IndexOfAnyExceptInRange((byte)0x21, (byte)0x7E) >= 0)
        {
            error = "invalid request target";
            return false;
        }
        var query = target.IndexOf((byte)'?');
        method = Encoding.ASCII.GetString(methodBytes);
        path = Encoding.ASCII.GetString(query >= 0 ? target[..query] : target);
        error = null;
        return true;
    }

    // The blank line ending the head: CRLF CRLF, or bare LFs (RFC 9112 §2.2 allows LF as a line terminator).
    private static int FindEndOfHead(ReadOnlySpan<byte> data)
    {
        var limit = Math.Min(data.Length, MaxHeadBytes + 4);
        for (var i = 0; i < limit; i++)
        {
            if (data[i] != (byte)'\n') continue;
            if (i + 1 < data.Length && data[i + 1] == (byte)'\n') return i + 2;
            if (i + 2 < data.Length && data[i + 1] == (byte)'\r' && data[i + 2] == (byte)'\n') return i + 3;
        }
        return -1;
    }

    // RFC 9110 §5.6.2 tchar.
    private static bool IsTokenChar(byte b) =>
        b is >= (byte)'a' and <= (byte)'z' or >= (byte)'A' and <= (byte)'Z' or >= (byte)'0' and <= (byte)'9'
            or (byte)'!' or (byte)'#' or (byte)'$' or (byte)'%' or (byte)'&' or (byte)'\'' or (byte)'*' or (byte)'+'
            or (byte)'-' or (byte)'.' or (byte)'^' or (byte)'_' or (byte)'`' or (byte)'|' or (byte)'~';

    private static HttpParseOutcome Fail(HttpParseOutcome outcome, string why, out string? error)
    {
        error = why;
        return outcome;
    }

    private ref struct LineReader(ReadOnlySpan<byte> data)
    {
        private ReadOnlySpan<byte> _rest = data;

        public ReadOnlySpan<byte> Next()
        {
            var lf = _rest.IndexOf((byte)'\n');
            if (lf < 0)
            {
                var all = _rest;
                _rest = default;
                return all;
            }
            var line = _rest[..lf];
            _rest = _rest[(lf + 1)..];
            return line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
        }
    }
}
