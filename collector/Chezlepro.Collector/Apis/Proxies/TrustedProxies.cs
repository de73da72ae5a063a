using System.Net;
using Chezlepro.Collector.Options;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Apis.Proxies;

/// <summary>
/// <c>Api:TrustedProxies</c> → ASP.NET's forwarded-headers middleware (<c>X-Forwarded-For</c>, <c>X-Forwarded-Proto</c>)
/// believing only those addresses. ASP.NET trusts loopback by default; here the defaults are cleared, so an empty list
/// trusts no one and a proxy on the same host must be listed (127.0.0.1, ::1). What the middleware accepts becomes the
/// connection's address and scheme: the auth-failure limiter and the plain-HTTP rule see the client behind a trusted
/// proxy, and the proxy itself behind any other.
/// </summary>
public static class TrustedProxies
{
    /// <summary>Reads one entry: an address (<paramref name="address"/>) or a CIDR network (<paramref name="network"/>).</summary>
    public static bool TryParse(string? text, out IPAddress? address, out System.Net.IPNetwork? network)
    {
        address = null;
        network = null;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        if (trimmed.Contains('/', StringComparison.Ordinal))
        {
            if (!System.Net.IPNetwork.TryParse(trimmed, out var n)) return false;
            network = n;
            return true;
        }
        if (!IPAddress.TryParse(trimmed, out var a)) return false;
        address = a;
        return true;
    }

    /// <summary>Fills the middleware's options from <paramref name="proxies"/> (entries already validated; others skipped).</summary>
    public static void Configure(ForwardedHeadersOptions options, IEnumerable<string> proxies)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(proxies);
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // A chain of trusted proxies (Caddy in front of nginx) is walked back until the first address not trusted.
        options.ForwardLimit = null;
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var entry in proxies)
        {
            if (!TryParse(entry, out var address, out var network)) continue;
            if (address is not null) options.KnownProxies.Add(address);
            if (network is { } n) options.KnownIPNetworks.Add(n);
        }
    }

    /// <summary>Registers the middleware's options from <c>Api:TrustedProxies</c>, read when the pipeline is built (after validation).</summary>
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services) =>
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ApiOptions>>((f, api) => Configure(f, api.Value.TrustedProxies)).Services;

    /// <summary>
    /// Adds the middleware; with no trusted proxy it believes no one (the headers stay unprocessed, which
    /// <see cref="Https.PlainHttpGuard"/> reads as "relayed").
    /// </summary>
    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app) => app.UseForwardedHeaders();
}
