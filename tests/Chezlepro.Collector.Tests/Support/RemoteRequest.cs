using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;

namespace Chezlepro.Collector.Tests.Support;

/// <summary>
/// A GET through the in-process test server as if it came from <paramref name="Peer"/> (the connection's address, which
/// the test server otherwise leaves empty): no real traffic leaves loopback.
/// </summary>
/// <param name="Peer">The address the connection comes from.</param>
/// <param name="Path">Path and query.</param>
/// <param name="Bearer">The bearer credential, or null.</param>
internal sealed record RemoteRequest(string Peer, string Path, string? Bearer = null)
{
    /// <summary>Extra request headers (X-Forwarded-For, X-Forwarded-Proto).</summary>
    public Dictionary<string, string> Headers { get; init; } = [];

    /// <summary>Sends the request; the context holds the status and the body.</summary>
    public async Task<(int Status, string Body)> SendAsync(TestServer server)
    {
        var context = await server.SendAsync(c =>
        {
            c.Connection.RemoteIpAddress = IPAddress.Parse(Peer);
            c.Request.Method = HttpMethods.Get;
            c.Request.Scheme = "http";
            var q = Path.IndexOf('?', StringComparison.Ordinal);
            c.Request.Path = q < 0 ? Path : Path[..q];
            c.Request.QueryString = q < 0 ? QueryString.Empty : new QueryString(Path[q..]);
            if (Bearer is not null) c.Request.Headers.Authorization = "Bearer " + Bearer;
            foreach (var (k, v) in Headers) c.Request.Headers[k] = v;
        });
        using var reader = new StreamReader(context.Response.Body);
        return (context.Response.StatusCode, await reader.ReadToEndAsync());
    }
}
