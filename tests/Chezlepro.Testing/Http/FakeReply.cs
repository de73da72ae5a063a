using System.Text;

namespace Chezlepro.Testing.Http;

/// <summary>A scripted answer of <see cref="FakeApiServer"/>.</summary>
/// <param name="Status">HTTP status code.</param>
/// <param name="Reason">HTTP reason phrase.</param>
/// <param name="Body">Body bytes.</param>
/// <param name="ContentType">Content-Type header.</param>
public sealed record FakeReply(int Status, string Reason, byte[] Body, string ContentType = "application/json;charset=UTF-8")
{
    /// <summary>Declared Content-Length when it differs from the body (a body cut short).</summary>
    public int? DeclaredLength { get; init; }

    /// <summary>Send headers and the body, then keep the connection open without finishing.</summary>
    public bool NeverEnds { get; init; }

    /// <summary>Accept, then never answer at all.</summary>
    public bool Silent { get; init; }

    /// <summary>200 with a fixture file: <c>testdata/&lt;name&gt;</c> in the test's output folder.</summary>
    public static FakeReply Fixture(string name) => new(200, "OK", FixtureBytes(name));

    /// <summary>200 with a JSON text.</summary>
    public static FakeReply Json(string json) => new(200, "OK", Encoding.UTF8.GetBytes(json));

    /// <summary>An error status with a body (PVE's <c>{"data":null}</c> by default).</summary>
    public static FakeReply Error(int status, string reason, string body = "{\"data\":null}") => new(status, reason, Encoding.UTF8.GetBytes(body));

    /// <summary>An HTML page where JSON was expected (a proxy's error page).</summary>
    public static FakeReply Html(int status = 200) =>
        new(status, status == 200 ? "OK" : "Bad Gateway", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>"), "text/html");

    /// <summary>Half of a fixture, with the Content-Length of the whole (a body cut short).</summary>
    public static FakeReply Truncated(string name)
    {
        var full = FixtureBytes(name);
        return new(200, "OK", full[..(full.Length / 2)]) { DeclaredLength = full.Length };
    }

    /// <summary>Headers and the start of a body, then nothing more.</summary>
    public static FakeReply Hanging() => new(200, "OK", Encoding.UTF8.GetBytes("{\"data\":[")) { NeverEnds = true, DeclaredLength = 100000 };

    /// <summary>Accepts the request and never answers.</summary>
    public static FakeReply NoAnswer() => new(200, "OK", []) { Silent = true };

    // Test projects copy their fixtures to testdata/ next to the test assembly.
    private static byte[] FixtureBytes(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "testdata", name));
}
