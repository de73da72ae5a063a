using Microsoft.AspNetCore.Http;

namespace Chezlepro.Collector.Apis;

/// <summary>Who called: the role, the client of a client key or token, and the name recorded for what they do.</summary>
/// <param name="Role">reader, operator or client.</param>
/// <param name="Client">The client (Catalog:Contracts:N:Client) of a client caller, else null.</param>
/// <param name="Name">The key's Name, the token's name claim or subject, else the role.</param>
public sealed record ApiPrincipal(string Role, string? Client, string Name)
{
    /// <summary>The caller that <see cref="ApiKeyFilter"/> let through this request, or null outside a filtered endpoint.</summary>
    public static ApiPrincipal? Of(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return http.Items.TryGetValue(typeof(ApiPrincipal), out var p) ? p as ApiPrincipal : null;
    }

    internal void Attach(HttpContext http) => http.Items[typeof(ApiPrincipal)] = this;
}
