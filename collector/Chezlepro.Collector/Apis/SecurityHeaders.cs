using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chezlepro.Collector.Apis;

/// <summary>
/// Headers for a collector that clients reach: on every response <c>X-Content-Type-Options: nosniff</c> and
/// <c>Referrer-Policy: no-referrer</c>; on every HTML page a CSP that allows only the page's own inline styles and
/// forbids framing (<c>frame-ancestors 'none'</c>, and <c>X-Frame-Options: DENY</c> for older browsers); the client
/// view under <c>/client/</c> has its own, which allows its script and style files.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The CSP of an HTML page: the reports carry their styles inline and load nothing.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>
    /// The CSP of the client view (<c>/client/</c>): its script, its style sheet and its API calls, all from the
    /// collector itself; no inline script or style, nothing else.
    /// </summary>
    public const string ClientViewContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Adds the headers to every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var clientView = http.Request.Path.StartsWithSegments(ClientView.ClientViewEndpoints.Prefix, StringComparison.Ordinal);
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                headers.ContentSecurityPolicy = clientView ? ClientViewContentSecurityPolicy : ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
            }
            return Task.CompletedTask;
        });
        await next(http);
    });
}
