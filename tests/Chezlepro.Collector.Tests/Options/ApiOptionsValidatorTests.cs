using Chezlepro.Collector.Catalog;
using Chezlepro.Collector.Options;
using Xunit;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Chezlepro.Collector.Tests.Options;

public sealed class ApiOptionsValidatorTests
{
    private const string Secret = "a-secret-key-0123456789";

    private static readonly ApiOptionsValidator Validator = new(MsOptions.Create(new CatalogOptions
    {
        Contracts = [new ContractDefinition { Id = "contrat-a", Client = "OBNL Alpha", Services = ["mail"] }],
    }));

    private static IEnumerable<string> Failures(ApiKeyOptions key, ApiOidcOptions? oidc = null) =>
        Validator.Validate(null, new ApiOptions { Keys = [key], Oidc = oidc ?? new ApiOidcOptions() }).Failures ?? [];

    [Fact]
    public void ClientKey_NamingACatalogClient_Accepted()
    {
        Assert.Empty(Failures(new ApiKeyOptions { Key = Secret, Role = "client", Client = "OBNL Alpha", Name = "Portail" }));
    }

    [Fact]
    public void ClientKey_UnknownClient_RefusedWithKeyAndValue_NeverTheSecret()
    {
        var failures = Failures(new ApiKeyOptions { Key = Secret, Role = "client", Client = "OBNL Gamma" }).ToList();
        Assert.Contains("Api:Keys:0:Client = 'OBNL Gamma': no contract of Catalog:Contracts has this Client / aucun contrat de Catalog:Contracts n’a ce Client.",
            failures);
        Assert.DoesNotContain(failures, f => f.Contains(Secret, StringComparison.Ordinal));
    }

    [Fact]
    public void ClientKey_WithoutClient_Refused_AndAReaderNamingAClient_Refused()
    {
        Assert.Contains("Api:Keys:0:Client is required when Role = 'client' / est requis quand Role = 'client'.", Failures(new ApiKeyOptions { Key = Secret, Role = "client" }));
        Assert.Contains("Api:Keys:0:Client = 'OBNL Alpha': only a client key names a client / seule une clé client nomme un client.",
            Failures(new ApiKeyOptions { Key = Secret, Role = "reader", Client = "OBNL Alpha" }));
        Assert.Contains("Api:Keys:0:Role = 'admin': must be reader, operator or client / doit valoir reader, operator ou client.",
            Failures(new ApiKeyOptions { Key = Secret, Role = "admin" }));
    }

    [Fact]
    public void Oidc_WithoutAudience_OrOverPlainHttp_Refused()
    {
        var key = new ApiKeyOptions { Key = Secret };
        Assert.Contains("Api:Oidc:Audience is required when Api:Oidc:Authority is set / est requis quand Api:Oidc:Authority est réglé.", Failures(key, new ApiOidcOptions { Authority = "https://sso.example.org/realms/x" }));
        Assert.Contains("Api:Oidc:Authority = 'http://sso.example.org': must be https (Api:Oidc:RequireHttpsMetadata = true)"
            + " / doit être en https (Api:Oidc:RequireHttpsMetadata = true).",
            Failures(key, new ApiOidcOptions { Authority = "http://sso.example.org", Audience = "chezlepro" }));
        Assert.Contains("Api:Oidc:Authority = 'sso': must be an absolute https URL / doit être une URL https absolue.", Failures(key, new ApiOidcOptions { Authority = "sso", Audience = "chezlepro" }));
        Assert.Empty(Failures(key, new ApiOidcOptions { Authority = "https://sso.example.org/realms/x", Audience = "chezlepro" }));
    }

    [Fact]
    public void AuthFailureLimit_Zero_Refused()
    {
        var failures = Validator.Validate(null, new ApiOptions { AuthFailureLimit = 0, AuthFailureWindow = TimeSpan.Zero }).Failures!;
        Assert.Contains("Api:AuthFailureLimit = 0: must be 1-10000 / doit être entre 1 et 10000.", failures);
        Assert.Contains("Api:AuthFailureWindow = 00:00:00: must be 00:00:01 to 1.00:00:00 / doit être entre 00:00:01 et 1.00:00:00.", failures);
    }
}
