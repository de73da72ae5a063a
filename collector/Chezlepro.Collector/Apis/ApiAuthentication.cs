using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Chezlepro.Collector.Options;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;

namespace Chezlepro.Collector.Apis;

/// <summary>
/// Turns the <c>Authorization: Bearer …</c> header into an <see cref="ApiPrincipal"/>: a configured key first, then,
/// when <c>Api:Oidc</c> is set, an OpenID Connect token checked by the JwtBearer handler (signature against the
/// issuer's JWKS, issuer, audience, lifetime).
/// </summary>
public static class ApiAuthentication
{
    private const string Prefix = "Bearer ";

    /// <summary>
    /// The caller, or null with the reason (which never quotes the key or the token) and whether the credential was
    /// valid but carries no usable role (403 rather than 401).
    /// </summary>
    public static async Task<(ApiPrincipal? Principal, string Reason, bool Forbidden)> AuthenticateAsync(HttpContext http, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return (null, "no bearer credential", false);
        if (Authenticate(header, options.Keys) is { } byKey) return (byKey, "", false);
        if (!options.Oidc.Enabled) return (null, "unknown key", false);
        var result = await http.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!result.Succeeded) return (null, "unknown key or invalid token", false);
        var (principal, reason) = FromClaims(result.Principal, options.Oidc);
        return (principal, reason, principal is null);
    }

    /// <summary>The principal of the presented key, or null. Constant-time comparison: keys are secrets.</summary>
    public static ApiPrincipal? Authenticate(string header, IReadOnlyList<ApiKeyOptions> keys)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(keys);
        if (!header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var presented = Encoding.UTF8.GetBytes(header[Prefix.Length..].Trim());
        ApiKeyOptions? match = null;
        foreach (var k in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(k.Key))) match = k;
        }
        return match is null ? null
            : new ApiPrincipal(match.Role, match.Role == ApiRoles.Client ? match.Client : null, string.IsNullOrWhiteSpace(match.Name) ? match.Role : match.Name);
    }

    /// <summary>
    /// The principal of a validated token: the role claim (absent: client), the client claim (required for a client),
    /// the name claim or else the subject.
    /// </summary>
    public static (ApiPrincipal? Principal, string Reason) FromClaims(ClaimsPrincipal user, ApiOidcOptions oidc)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(oidc);
        var role = user.FindFirst(oidc.RoleClaim)?.Value ?? ApiRoles.Client;
        if (!ApiRoles.IsKnown(role)) return (null, $"token role '{role}' is not reader, operator or client");
        var client = user.FindFirst(oidc.ClientClaim)?.Value;
        if (role == ApiRoles.Client && string.IsNullOrWhiteSpace(client)) return (null, $"client token without the claim {oidc.ClientClaim}");
        var name = user.FindFirst(oidc.NameClaim)?.Value ?? user.FindFirst("sub")?.Value ?? role;
        return (new ApiPrincipal(role, role == ApiRoles.Client ? client : null, name), "");
    }
}
