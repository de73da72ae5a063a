using Chezlepro.Collector.Options;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Apis;

/// <summary>Registers the JwtBearer handler that <see cref="ApiAuthentication"/> calls when <c>Api:Oidc</c> is set.</summary>
public static class ApiAuthenticationExtensions
{
    /// <summary>Adds the handler, configured from <see cref="ApiOidcOptions"/> (unused while Api:Oidc:Authority is empty).</summary>
    public static IServiceCollection AddApiAuthentication(this IServiceCollection services)
    {
        services.AddSingleton<ApiAuthFailures>();
        services.AddAuthentication().AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).Configure<IOptions<ApiOptions>>((jwt, api) =>
        {
            var oidc = api.Value.Oidc;
            if (!oidc.Enabled) return;
            jwt.Authority = oidc.Authority;
            jwt.Audience = oidc.Audience;
            jwt.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            // Claim names as the issuer wrote them (Keycloak's), not remapped to the long WS-* URIs.
            jwt.MapInboundClaims = false;
            jwt.TokenValidationParameters.ValidIssuer = string.IsNullOrWhiteSpace(oidc.Issuer) ? oidc.Authority : oidc.Issuer;
            jwt.TokenValidationParameters.NameClaimType = oidc.NameClaim;
            jwt.TokenValidationParameters.RoleClaimType = oidc.RoleClaim;
            // Tokens are bearer secrets: never kept on the authentication ticket.
            jwt.SaveToken = false;
        });
        return services;
    }
}
