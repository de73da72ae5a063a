using Chezlepro.Collector.Tests.Support;
using Xunit;

namespace Chezlepro.Collector.Tests.Apis.Proxies;

/// <summary>
/// X-Forwarded-For believed only from Api:TrustedProxies: the failed-authentication limiter keys on the real peer
/// behind any other address, and on the forwarded client behind a trusted proxy.
/// </summary>
public sealed class TrustedProxiesTests
{
    private const string Proxy = "10.20.0.5";
    private const string Stranger = "198.51.100.7";

    [Fact]
    public async Task SpoofedForwardedFor_FromUntrustedPeer_Ignored_LimitKeysOnThePeer()
    {
        await using var collector = Collector();
        for (var i = 1; i <= 2; i++)
            Assert.Equal(401, (await Get(collector, Stranger, "guessed-key-0123456789abc", $"203.0.113.{i}")).Status);
        // A fresh spoofed address changes nothing: the peer itself is blocked, even with a good key.
        Assert.Equal(429, (await Get(collector, Stranger, TwoClientCollector.Reader, "203.0.113.99")).Status);
        Assert.Equal(429, (await Get(collector, Stranger, TwoClientCollector.Reader, null)).Status);
        Assert.Equal(200, (await Get(collector, "198.51.100.8", TwoClientCollector.Reader, null)).Status);
        Assert.All(collector.Logs.All.Where(e => e.EventId == 8601), e => Assert.Equal(Stranger, e.Properties["Address"]));
    }

    [Fact]
    public async Task ForwardedFor_FromTrustedProxy_Used_LimitKeysOnTheClient()
    {
        await using var collector = Collector();
        const string Client = "203.0.113.50";
        for (var i = 0; i < 2; i++)
            Assert.Equal(401, (await Get(collector, Proxy, "guessed-key-0123456789abc", Client)).Status);
        Assert.Equal(429, (await Get(collector, Proxy, TwoClientCollector.Reader, Client)).Status);
        // The proxy is not blocked: another client behind it goes through.
        Assert.Equal(200, (await Get(collector, Proxy, TwoClientCollector.Reader, "203.0.113.51")).Status);
        Assert.All(collector.Logs.All.Where(e => e.EventId == 8601), e => Assert.Equal(Client, e.Properties["Address"]));
    }

    [Fact]
    public async Task ChainOfProxies_WalkedBackToTheFirstUntrustedAddress()
    {
        await using var collector = Collector();
        // Read from the right: the nearest address that is not a trusted proxy is the client; what it wrote before is ignored.
        for (var i = 0; i < 2; i++)
            Assert.Equal(401, (await Get(collector, Proxy, "guessed-key-0123456789abc", $"192.0.2.{i + 1}, 203.0.113.60")).Status);
        Assert.Equal(429, (await Get(collector, Proxy, TwoClientCollector.Reader, "192.0.2.77, 203.0.113.60")).Status);
        Assert.Equal(200, (await Get(collector, Proxy, TwoClientCollector.Reader, "203.0.113.61")).Status);
    }

    private static TwoClientCollector Collector() => new(new Dictionary<string, string>
    {
        ["Api:AuthFailureLimit"] = "2", ["Api:AuthFailureWindow"] = "01:00:00", ["Api:TrustedProxies:0"] = "10.20.0.0/24",
    });

    private static Task<(int Status, string Body)> Get(TwoClientCollector collector, string peer, string bearer, string? forwardedFor)
    {
        var request = new RemoteRequest(peer, "/api/v1/rpo", bearer);
        if (forwardedFor is not null) request.Headers["X-Forwarded-For"] = forwardedFor;
        return request.SendAsync(collector.Factory.Server);
    }
}
