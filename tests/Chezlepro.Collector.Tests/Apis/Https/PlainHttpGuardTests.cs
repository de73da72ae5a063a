using System.Security.Claims;
using System.Text.Json;
using Chezlepro.Collector.Apis.Https;
using Chezlepro.Collector.Options;
using Chezlepro.Collector.Tests.Support;
using Xunit;

namespace Chezlepro.Collector.Tests.Apis.Https;

/// <summary>
/// Client keys and tokens refused over plain HTTP except from this machine; reader and operator keys kept (the LAN
/// setup); HTTPS as a trusted proxy forwarded it counts.
/// </summary>
public sealed class PlainHttpGuardTests : IClassFixture<ClientAccessOidcTests.Issuer>
{
    private const string Incidents = "/api/v1/incidents?status=all";
    private const string Remote = "198.51.100.7";
    private readonly ClientAccessOidcTests.Issuer _issuer;

    public PlainHttpGuardTests(ClientAccessOidcTests.Issuer issuer) => _issuer = issuer;

    [Fact]
    public async Task ClientKey_PlainHttpFromTheNetwork_403InBothLanguages_NotAnAuthFailure()
    {
        var (status, body) = await new RemoteRequest(Remote, Incidents, TwoClientCollector.ClientAlpha).SendAsync(_issuer.Collector.Factory.Server);
        Assert.Equal(403, status);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(PlainHttpGuard.Title, problem.GetProperty("title").GetString());
        Assert.Contains("utilisez l’adresse https://", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("use the collector's https:// address", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        var refused = Assert.Single(_issuer.Collector.Logs.All, e => e.EventId == 8614 && Equals(e.Properties["Address"], Remote));
        Assert.Equal(TwoClientCollector.ClientAlphaName, refused.Properties["Name"]);
        Assert.DoesNotContain(_issuer.Collector.Logs.All, e => e.EventId == 8601 && Equals(e.Properties["Address"], Remote));
    }

    [Fact]
    public async Task ReaderAndOperatorKeys_PlainHttpFromTheNetwork_Accepted()
    {
        foreach (var key in new[] { TwoClientCollector.Reader, TwoClientCollector.Operator })
            Assert.Equal(200, (await new RemoteRequest("198.51.100.8", Incidents, key).SendAsync(_issuer.Collector.Factory.Server)).Status);
    }

    [Fact]
    public async Task ClientKey_FromLoopback_Accepted_UnlessRelayedByAnUntrustedProxy()
    {
        var server = _issuer.Collector.Factory.Server;
        Assert.Equal(200, (await new RemoteRequest("127.0.0.1", Incidents, TwoClientCollector.ClientAlpha).SendAsync(server)).Status);
        Assert.Equal(200, (await new RemoteRequest("::1", Incidents, TwoClientCollector.ClientAlpha).SendAsync(server)).Status);
        // A proxy on this host that is not in Api:TrustedProxies: what it relays is not local.
        var relayed = new RemoteRequest("127.0.0.1", Incidents, TwoClientCollector.ClientAlpha) { Headers = { ["X-Forwarded-For"] = "203.0.113.9" } };
        Assert.Equal(403, (await relayed.SendAsync(server)).Status);
    }

    [Fact]
    public async Task Tokens_EvenAnOperatorToken_PlainHttpFromTheNetwork_403_FromLoopback_Accepted()
    {
        var server = _issuer.Collector.Factory.Server;
        var operatorToken = _issuer.Token(new Claim("chezlepro_role", "operator"), new Claim("preferred_username", "bob.gagnon"));
        var clientToken = _issuer.Token(new Claim("chezlepro_client", "OBNL Alpha"), new Claim("sub", "u-1"));
        foreach (var token in new[] { operatorToken, clientToken })
        {
            Assert.Equal(403, (await new RemoteRequest("198.51.100.9", Incidents, token).SendAsync(server)).Status);
            Assert.Equal(200, (await new RemoteRequest("127.0.0.1", Incidents, token).SendAsync(server)).Status);
        }
        Assert.DoesNotContain(_issuer.Collector.Logs.Texts, t => t.Contains(operatorToken.Split('.')[1], StringComparison.Ordinal));
    }

    [Fact]
    public async Task BehindATrustedProxy_ForwardedProtoDecides()
    {
        await using var collector = new TwoClientCollector(new Dictionary<string, string> { ["Api:TrustedProxies:0"] = "10.20.0.5" });
        RemoteRequest Via(string proto) => new("10.20.0.5", Incidents, TwoClientCollector.ClientAlpha)
        {
            Headers = { ["X-Forwarded-For"] = "203.0.113.5", ["X-Forwarded-Proto"] = proto },
        };
        Assert.Equal(200, (await Via("https").SendAsync(collector.Factory.Server)).Status);
        Assert.Equal(403, (await Via("http").SendAsync(collector.Factory.Server)).Status);
        // The same headers from a peer that is not trusted: its "https" is not believed.
        var spoofed = new RemoteRequest("10.20.0.6", Incidents, TwoClientCollector.ClientAlpha)
        {
            Headers = { ["X-Forwarded-For"] = "203.0.113.5", ["X-Forwarded-Proto"] = "https" },
        };
        Assert.Equal(403, (await spoofed.SendAsync(collector.Factory.Server)).Status);
    }

    [Theory]
    [InlineData("http://0.0.0.0:8090", true)]
    [InlineData("http://*:8090", true)]
    [InlineData("http://192.168.10.4:8090", true)]
    [InlineData("http://127.0.0.1:8090", false)]
    [InlineData("http://localhost:8090;http://[::1]:8090", false)]
    [InlineData("https://0.0.0.0:8443", false)]
    public void StartWarning_KeysAndPlainHttpBeyondLoopback(string urls, bool warns)
    {
        var keys = new ApiOptions { Keys = [new ApiKeyOptions { Key = TwoClientCollector.Reader }] };
        Assert.Equal(warns, PlainHttpWarning.ShouldWarn(keys, urls));
        Assert.False(PlainHttpWarning.ShouldWarn(new ApiOptions(), urls));
        keys.TrustedProxies.Add("127.0.0.1");
        Assert.False(PlainHttpWarning.ShouldWarn(keys, urls));
        keys.TrustedProxies.Clear();
        keys.Https.Url = "https://0.0.0.0:8443";
        Assert.False(PlainHttpWarning.ShouldWarn(keys, urls));
    }
}
