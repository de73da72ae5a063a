using System.Text;

namespace Chezlepro.Health.Tests.Support;

/// <summary>A scripted answer of <see cref="FakeApiServer"/>.</summary>
internal sealed record FakeReply(int Status, string Reason, byte[] Body, string ContentType = "application/json;charset=UTF-8")
{
    /// <summary>Declared Content-Length when it differs from the body (a body cut short).</summary>
    public int? DeclaredLength { get; init; }

    /// <summary>Send headers and the body, then keep the connection open without finishing.</summary>
    public bool NeverEnds { get; init; }

    /// <summary>Accept, then never answer at all.</summary>
    public bool Silent { get; init; }

    public static FakeReply Fixture(string name) => new(200, "OK", Support.Fixture.Bytes(name));

    public static FakeReply Json(string json) => new(200, "OK", Encoding.UTF8.GetBytes(json));

    public static FakeReply Error(int status, string reason, string body = "{\"data\":null}") => new(status, reason, Encoding.UTF8.GetBytes(body));

    public static FakeReply Html(int status = 200) =>
        new(status, status == 200 ? "OK" : "Bad Gateway", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"), "text/html");

    public static FakeReply Truncated(string name)
    {
        var full = Support.Fixture.Bytes(name);
        return new(200, "OK", full[..(full.Length / 2)]) { DeclaredLength = full.Length };
    }

    public static FakeReply Hanging() => new(200, "OK", Encoding.UTF8.GetBytes("{\"data\":[")) { NeverEnds = true, DeclaredLength = 100000 };

    public static FakeReply NoAnswer() => new(200, "OK", []) { Silent = true };
}
