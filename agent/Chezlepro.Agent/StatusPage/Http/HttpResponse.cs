using System.Globalization;
using System.Text;

namespace Chezlepro.Agent.StatusPage.Http;

/// <summary>A complete response of the status server; always closes the connection after it (RFC 9112 §9.6).</summary>
/// <param name="Status">Status code.</param>
/// <param name="ContentType">Media type of <paramref name="Body"/>.</param>
/// <param name="Body">The whole body (the status documents are small).</param>
internal sealed record HttpResponse(int Status, string ContentType, byte[] Body)
{
    /// <summary>Extra header fields (name, value); values are ours, never echoed from the request.</summary>
    public IReadOnlyList<(string Name, string Value)> Headers { get; init; } = [];

    /// <summary>A plain-text response, for errors.</summary>
    public static HttpResponse Text(int status, string text) =>
        new(status, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text + "\n"));

    /// <summary>Status line, fields and (unless <paramref name="headOnly"/>) the body, ready to send.</summary>
    /// <param name="date">The Date field's value (RFC 9110 §6.6.1: an origin server with a clock sends it).</param>
    /// <param name="headOnly">A HEAD request: the same fields, no body (RFC 9110 §9.3.2).</param>
    public byte[] Encode(DateTimeOffset date, bool headOnly)
    {
        var head = new StringBuilder(256)
            .Append(CultureInfo.InvariantCulture, $"HTTP/1.1 {Status} {Reason(Status)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Date: {date.UtcDateTime.ToString("r", CultureInfo.InvariantCulture)}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Type: {ContentType}\r\n")
            .Append(CultureInfo.InvariantCulture, $"Content-Length: {Body.Length}\r\n")
            .Append("Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n");
        foreach (var (name, value) in Headers) head.Append(CultureInfo.InvariantCulture, $"{name}: {value}\r\n");
        head.Append("\r\n");
        var headBytes = Encoding.ASCII.GetBytes(head.ToString());
        return headOnly ? headBytes : [.. headBytes, .. Body];
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        413 => "Content Too Large",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        _ => "Status",
    };
}
