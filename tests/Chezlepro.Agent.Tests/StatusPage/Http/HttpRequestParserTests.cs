using System.Text;
using Chezlepro.Agent.StatusPage.Http;
using Xunit;

namespace Chezlepro.Agent.Tests.StatusPage.Http;

public class HttpRequestParserTests
{
    private static HttpParseOutcome Parse(string text, out HttpRequestHead? head, out string? error) =>
        HttpRequestParser.Parse(Encoding.ASCII.GetBytes(text), out head, out error);

    [Fact]
    public void Parse_BrowserGet_MethodAndPathWithoutQuery()
    {
        var outcome = Parse("GET /api/status?t=123 HTTP/1.1\r\nHost: 192.168.1.10:8080\r\nUser-Agent: x\r\nAccept: */*\r\n\r\n", out var head, out _);
        Assert.Equal(HttpParseOutcome.Complete, outcome);
        Assert.Equal(new HttpRequestHead("GET", "/api/status"), head);
    }

    [Fact]
    public void Parse_Http10WithoutHostAndBareLf_Accepted()
    {
        Assert.Equal(HttpParseOutcome.Complete, Parse("HEAD /metrics HTTP/1.0\n\n", out var head, out _));
        Assert.Equal(new HttpRequestHead("HEAD", "/metrics"), head);
    }

    [Fact]
    public void Parse_LeadingEmptyLine_Ignored()
    {
        Assert.Equal(HttpParseOutcome.Complete, Parse("\r\nGET / HTTP/1.1\r\nHost: a\r\n\r\n", out var head, out _));
        Assert.Equal("/", head!.Path);
    }

    [Theory]
    [InlineData("")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n")]
    [InlineData("GET / HT")]
    public void Parse_Truncated_NeedMore(string text) => Assert.Equal(HttpParseOutcome.NeedMore, Parse(text, out _, out _));

    [Theory]
    [InlineData("GET / HTTP/1.1\r\n\r\n", "no Host header")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n", "several Host headers")]
    [InlineData("GET / HTTP/2.0\r\nHost: a\r\n\r\n", "unsupported HTTP version")]
    [InlineData("GET http://evil/ HTTP/1.1\r\nHost: a\r\n\r\n", "invalid request target")]
    [InlineData("GET /a\x01b HTTP/1.1\r\nHost: a\r\n\r\n", "invalid request target")]
    [InlineData("GET /\r\nHost: a\r\n\r\n", "malformed request line")]
    [InlineData("G(T / HTTP/1.1\r\nHost: a\r\n\r\n", "invalid method")]
    [InlineData("GET / HTTP/1.1\r\nHost : a\r\n\r\n", "invalid header name")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n", "folded header line")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\r\nNoColon\r\n\r\n", "header line without a name")]
    [InlineData("GET / HTTP/1.1\r\nHost: a\x00b\r\n\r\n", "control character in a header value")]
    public void Parse_Malformed_InvalidWithReason(string text, string reason)
    {
        Assert.Equal(HttpParseOutcome.Invalid, Parse(text, out var head, out var error));
        Assert.Null(head);
        Assert.Equal(reason, error);
    }

    [Fact]
    public void Parse_BinaryGarbage_InvalidAtFirstByte()
    {
        // A TLS ClientHello sent to the plain port: refused at once, not after the head deadline.
        Assert.Equal(HttpParseOutcome.Invalid, HttpRequestParser.Parse(new byte[] { 0x16, 0x03, 0x01, 0x02, 0x00 }, out _, out var error));
        Assert.Equal("not an HTTP request", error);
    }

    [Theory]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello")]
    [InlineData("POST / HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n")]
    public void Parse_Body_Refused(string text) => Assert.Equal(HttpParseOutcome.BodyRefused, Parse(text, out _, out _));

    [Fact]
    public void Parse_ZeroContentLength_Accepted() =>
        Assert.Equal(HttpParseOutcome.Complete, Parse("GET / HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n", out _, out _));

    [Fact]
    public void Parse_OversizedHead_TooLarge()
    {
        var big = "GET / HTTP/1.1\r\nHost: a\r\nCookie: " + new string('x', HttpRequestParser.MaxHeadBytes) + "\r\n\r\n";
        Assert.Equal(HttpParseOutcome.TooLarge, Parse(big, out _, out _));
        // Still unterminated at the limit: too large as well, so the server never reads past the limit.
        Assert.Equal(HttpParseOutcome.TooLarge, Parse(big[..HttpRequestParser.MaxHeadBytes], out _, out _));
    }

    [Fact]
    public void Parse_TooManyFields_TooLarge()
    {
        var head = "GET / HTTP/1.1\r\nHost: a\r\n" + string.Concat(Enumerable.Range(0, 70).Select(i => $"X-{i}: 1\r\n")) + "\r\n";
        Assert.Equal(HttpParseOutcome.TooLarge, Parse(head, out _, out var error));
        Assert.Equal("more than 64 header fields", error);
    }

    [Fact]
    public void Parse_RandomBytes_NeverThrows()
    {
        var random = new Random(20261121);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            if (i % 2 == 0 && bytes.Length > 20) "GET / HTTP/1.1\r\n"u8.CopyTo(bytes);
            var outcome = HttpRequestParser.Parse(bytes, out var head, out var error);
            Assert.Equal(outcome == HttpParseOutcome.Complete, head is not null);
            Assert.True(outcome is HttpParseOutcome.Complete or HttpParseOutcome.NeedMore || error is not null);
        }
    }
}
