using Chezlepro.Collector.Apis.Https;
using Chezlepro.Collector.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Apis;

/// <summary>
/// Bearer check (<see cref="ApiAuthentication"/>): 401 without a known key or valid token, 403 when the role is not
/// enough — the operator role for the POSTs, and for a client caller an endpoint that is not
/// <see cref="ClientAccess.Scoped"/> or a client without a contract.
/// </summary>
public sealed class ApiKeyFilter : IEndpointFilter
{
    private readonly string _role;
    private readonly ClientAccess _client;

    /// <summary>Creates a filter requiring <paramref name="role"/>; a client caller gets what <paramref name="client"/> says.</summary>
    public ApiKeyFilter(string role, ClientAccess client = ClientAccess.Refused)
    {
        _role = role;
        _client = client;
    }

    /// <inheritdoc />
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var services = http.RequestServices;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ApiKeyFilter).FullName!);
        var address = http.Connection.RemoteIpAddress?.ToString();
        var failures = services.GetRequiredService<ApiAuthFailures>();
        if (failures.IsBlocked(address ?? "")) return Results.Problem(statusCode: 429, title: "Trop d’échecs d’authentification / Too many failed authentications");
        var (principal, reason, forbidden) = await ApiAuthentication.AuthenticateAsync(http, services.GetRequiredService<IOptions<ApiOptions>>().Value);
        if (principal is null)
        {
            ApiLog.AuthenticationFailed(logger, address, http.Request.Path, reason);
            failures.Record(address ?? "");
            return forbidden
                ? Results.Problem(statusCode: 403, title: "Jeton sans rôle valable / Token without a valid role")
                : Results.Problem(statusCode: 401, title: "Clé d’API manquante ou inconnue / Missing or unknown API key");
        }
        if (PlainHttpGuard.Refusal(http, principal) is { } plainHttp) return plainHttp;
        if (_role == ApiRoles.Operator && principal.Role != ApiRoles.Operator)
        {
            ApiLog.AccessRefused(logger, principal.Name, principal.Role, address, http.Request.Path, "operator role required");
            return Results.Problem(statusCode: 403, title: "Rôle opérateur requis / Operator role required");
        }
        if (principal.Role == ApiRoles.Client && (_client == ClientAccess.Refused || !ClientScope.HasContracts(services, principal.Client)))
        {
            ApiLog.AccessRefused(logger, principal.Name, principal.Role, address, http.Request.Path, "not available to a client");
            return Results.Problem(statusCode: 403, title: "Non accessible à un client / Not available to a client");
        }
        principal.Attach(http);
        return await next(context);
    }
}
