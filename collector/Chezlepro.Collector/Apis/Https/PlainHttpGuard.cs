using System.Net;
using Chezlepro.Collector.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Apis.Https;

/// <summary>
/// Issue 20: client keys and OpenID Connect tokens are refused over plain HTTP except from this machine. Reader and
/// operator keys stay accepted (the operators' LAN setup; a warning at start says they travel in clear). Checked
/// after authentication, so an address blocked by the failure limiter learns nothing; not counted as a failed
/// authentication (the credential was good: a client that typed http:// is told to use https://, not locked out).
/// "HTTPS" and the address are what a trusted proxy forwarded (<see cref="Proxies.TrustedProxies"/>).
/// </summary>
public static class PlainHttpGuard
{
    /// <summary>The problem's title.</summary>
    public const string Title = "HTTPS requis / HTTPS required";

    /// <summary>The problem's detail.</summary>
    public const string Detail = "Les clés client et les jetons sont refusés en HTTP simple : utilisez l’adresse https:// du collecteur. / "
        + "Client keys and tokens are refused over plain HTTP: use the collector's https:// address.";

    /// <summary>A 403 problem when <paramref name="principal"/> may not be used on this connection, else null.</summary>
    public static IResult? Refusal(HttpContext http, ApiPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(principal);
        if (http.Request.IsHttps || IsLocal(http)) return null;
        var options = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value;
        var token = ApiAuthentication.Authenticate(http.Request.Headers.Authorization.ToString(), options.Keys) is null;
        if (principal.Role != ApiRoles.Client && !token) return null;
        var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PlainHttpGuard).FullName!);
        HttpsLog.PlainHttpRefused(logger, principal.Name, token ? principal.Role + " token" : principal.Role, http.Connection.RemoteIpAddress?.ToString(), http.Request.Path);
        return Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: Title, detail: Detail);
    }

    /// <summary>
    /// From this machine: a loopback address, or none (a Unix socket, the in-process test server), and not relayed by
    /// a proxy that was not trusted (an <c>X-Forwarded-For</c> left over: a local proxy must be in Api:TrustedProxies,
    /// or everything it relays would look local).
    /// </summary>
    public static bool IsLocal(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!string.IsNullOrEmpty(http.Request.Headers["X-Forwarded-For"])) return false;
        var remote = http.Connection.RemoteIpAddress;
        if (remote is null) return true;
        return IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);
    }
}
