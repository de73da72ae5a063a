namespace Chezlepro.Collector.Options;

/// <summary>
/// <c>Api:Oidc</c>: optional OpenID Connect bearer tokens (the provider's Keycloak) accepted beside the keys. Off
/// while <see cref="Authority"/> is empty.
/// </summary>
public sealed class ApiOidcOptions
{
    /// <summary>The issuer's base URL; its <c>/.well-known/openid-configuration</c> gives the signing keys (JWKS).</summary>
    public string? Authority { get; set; }

    /// <summary>The expected <c>iss</c> claim; the authority when empty.</summary>
    public string? Issuer { get; set; }

    /// <summary>The expected <c>aud</c> claim (required when <see cref="Authority"/> is set).</summary>
    public string? Audience { get; set; }

    /// <summary>The claim carrying the client (as Catalog:Contracts:N:Client names it) of a client token.</summary>
    public string ClientClaim { get; set; } = "chezlepro_client";

    /// <summary>The claim carrying the role (<c>reader</c>, <c>operator</c> or <c>client</c>); a token without it is a client token.</summary>
    public string RoleClaim { get; set; } = "chezlepro_role";

    /// <summary>The claim naming the holder (acknowledger of an incident); <c>sub</c> when absent from the token.</summary>
    public string NameClaim { get; set; } = "preferred_username";

    /// <summary>Whether the authority must be HTTPS; only a loopback test issuer may turn it off.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>Whether tokens are accepted at all.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
}
