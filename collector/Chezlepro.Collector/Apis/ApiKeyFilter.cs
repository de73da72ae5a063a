using System.Security.Cryptography;
using System.Text;
using Chezlepro.Collector.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Apis;

/// <summary>Bearer-key check: 401 without a known key, 403 when the key's role is not enough.</summary>
public sealed class ApiKeyFilter : IEndpointFilter
{
    private readonly string _role;

    /// <summary>Creates a filter requiring <paramref name="role"/>.</summary>
    public ApiKeyFilter(string role) => _role = role;

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var keys = context.HttpContext.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.Keys;
        var role = Authenticate(context.HttpContext.Request.Headers.Authorization.ToString(), keys);
        if (role is null) return Results.Problem(statusCode: 401, title: "Clé d’API manquante ou inconnue / Missing or unknown API key");
        if (_role == ApiRoles.Operator && role != ApiRoles.Operator)
            return Results.Problem(statusCode: 403, title: "Rôle opérateur requis / Operator role required");
        return await next(context);
    }

    /// <summary>The role of the presented key, or null. Constant-time comparison: keys are secrets.</summary>
    public static string? Authenticate(string header, IReadOnlyList<ApiKeyOptions> keys)
    {
        const string prefix = "Bearer ";
        if (!header.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) return null;
        var presented = Encoding.UTF8.GetBytes(header[prefix.Length..].Trim());
        string? role = null;
        foreach (var k in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(k.Key))) role = k.Role;
        }
        return role;
    }
}
