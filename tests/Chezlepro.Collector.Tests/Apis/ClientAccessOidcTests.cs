using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text.Json;
using Chezlepro.Collector.Tests.Support;
using Chezlepro.Testing.Http;
using Microsoft.Data.Sqlite;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Xunit;

namespace Chezlepro.Collector.Tests.Apis;

/// <summary>
/// OpenID Connect bearer tokens against a local issuer (its own RSA key; discovery document and JWKS served on
/// loopback): client scoping from the client claim, the operator's name as acknowledger, forged or stale tokens refused.
/// </summary>
public sealed class ClientAccessOidcTests : IClassFixture<ClientAccessOidcTests.Issuer>
{
    private const string Audience = "chezlepro-api";
    private readonly Issuer _issuer;

    public ClientAccessOidcTests(Issuer issuer) => _issuer = issuer;

    [Fact]
    public async Task ClientToken_SeesOnlyItsIncidents_RefusedOnSites()
    {
        var token = _issuer.Token(new Claim("chezlepro_client", "OBNL Alpha"), new Claim("sub", "u-1"));
        using var client = _issuer.Collector.Client(token);
        var incidents = await client.GetFromJsonAsync<JsonElement>("/api/v1/incidents?status=all");
        Assert.Equal("mail-a", Assert.Single(incidents.EnumerateArray()).GetProperty("serviceId").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/sites")).StatusCode);
        Assert.DoesNotContain(_issuer.Collector.Logs.Texts, t => t.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task OperatorToken_AcknowledgerIsItsName()
    {
        using var reader = _issuer.Collector.Client(TwoClientCollector.Reader);
        var incident = (await reader.GetFromJsonAsync<JsonElement>("/api/v1/incidents?status=all")).EnumerateArray()
            .First(i => i.GetProperty("serviceId").GetString() == "erp-b").GetProperty("id").GetString();
        var token = _issuer.Token(new Claim("chezlepro_role", "operator"), new Claim("preferred_username", "bob.gagnon"));
        using var op = _issuer.Collector.Client(token);
        Assert.Equal(HttpStatusCode.OK, (await op.PostAsync($"/api/v1/incidents/{incident}/ack", null)).StatusCode);

        await using var db = new SqliteConnection($"Data Source={_issuer.Collector.DatabasePath};Mode=ReadOnly");
        await db.OpenAsync();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT acked_by FROM incident_acks WHERE incident_id = $i";
        cmd.Parameters.AddWithValue("$i", incident);
        Assert.Equal("bob.gagnon", await cmd.ExecuteScalarAsync());
        Assert.DoesNotContain(_issuer.Collector.Logs.Texts, t => t.Contains(token, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ForgedExpiredOrForeignAudienceTokens_401_UnknownClient_403_NoTokenInLogs()
    {
        using var otherKey = RSA.Create(2048);
        var now = TimeProvider.System.GetUtcNow();
        var forged = _issuer.Token(otherKey, Audience, now, new Claim("chezlepro_client", "OBNL Alpha"));
        var expired = _issuer.Token(_issuer.Key, Audience, now.AddHours(-2), new Claim("chezlepro_client", "OBNL Alpha"));
        var foreign = _issuer.Token(_issuer.Key, "another-api", now, new Claim("chezlepro_client", "OBNL Alpha"));
        foreach (var token in new[] { forged, expired, foreign })
        {
            using var c = _issuer.Collector.Client(token);
            Assert.Equal(HttpStatusCode.Unauthorized, (await c.GetAsync("/api/v1/incidents")).StatusCode);
        }
        var gamma = _issuer.Token(new Claim("chezlepro_client", "OBNL Gamma"));
        using (var c = _issuer.Collector.Client(gamma)) Assert.Equal(HttpStatusCode.Forbidden, (await c.GetAsync("/api/v1/incidents")).StatusCode);
        var noClient = _issuer.Token(new Claim("sub", "u-2"));
        using (var c = _issuer.Collector.Client(noClient)) Assert.Equal(HttpStatusCode.Forbidden, (await c.GetAsync("/api/v1/incidents")).StatusCode);

        Assert.Contains(_issuer.Collector.Logs.All, e => e.EventId == 8601);
        foreach (var token in new[] { forged, expired, foreign, gamma, noClient })
        {
            // The signature part alone is enough to replay nothing, but the whole token, or its payload, must not appear.
            Assert.DoesNotContain(_issuer.Collector.Logs.Texts, t => t.Contains(token.Split('.')[1], StringComparison.Ordinal));
        }
    }

    /// <summary>The local issuer and a collector that trusts it (over plain HTTP on loopback: RequireHttpsMetadata off).</summary>
    public sealed class Issuer : IAsyncLifetime
    {
        private static readonly string[] Rs256 = ["RS256"];
        private readonly FakeApiServer _server = new(certificate: null);

        public Issuer()
        {
            var p = Key.ExportParameters(false);
            var jwks = JsonSerializer.Serialize(new
            {
                keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "k1", n = Base64UrlEncoder.Encode(p.Modulus), e = Base64UrlEncoder.Encode(p.Exponent) } },
            });
            Authority = _server.BaseUrl.ToString().TrimEnd('/');
            var discovery = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["issuer"] = Authority, ["jwks_uri"] = Authority + "/jwks", ["id_token_signing_alg_values_supported"] = Rs256,
            });
            _server.On(".well-known/openid-configuration", FakeReply.Json(discovery)).On("jwks", FakeReply.Json(jwks));
            Collector = new TwoClientCollector(new Dictionary<string, string>
            {
                ["Api:Oidc:Authority"] = Authority, ["Api:Oidc:Audience"] = Audience, ["Api:Oidc:RequireHttpsMetadata"] = "false",
            });
        }

        public RSA Key { get; } = RSA.Create(2048);

        public string Authority { get; }

        internal TwoClientCollector Collector { get; }

        /// <summary>A valid token (this issuer's key, the audience, issued now) with <paramref name="claims"/>.</summary>
        public string Token(params Claim[] claims) => Token(Key, Audience, TimeProvider.System.GetUtcNow(), claims);

        public string Token(RSA key, string audience, DateTimeOffset issued, params Claim[] claims) =>
            new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
            {
                Issuer = Authority,
                Audience = audience,
                Subject = new ClaimsIdentity(claims),
                IssuedAt = issued.UtcDateTime,
                NotBefore = issued.UtcDateTime,
                Expires = issued.AddHours(1).UtcDateTime,
                SigningCredentials = new SigningCredentials(new RsaSecurityKey(key) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256),
            });

        public async Task InitializeAsync()
        {
            _ = Collector.Factory.Server;
            await Collector.SeedOutagesAsync();
        }

        public async Task DisposeAsync()
        {
            await Collector.DisposeAsync();
            await _server.DisposeAsync();
            Key.Dispose();
        }
    }
}
