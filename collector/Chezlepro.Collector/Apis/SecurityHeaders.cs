using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Chezlepro.Collector.Apis;

/// <summary>
/// Headers for a collector that clients reach: on every response <c>X-Content-Type-Options: nosniff</c> and
/// <c>Referrer-Policy: no-referrer</c>; on every HTML page a CSP that allows only the page's own inline styles and
/// forbids framing (<c>frame-ancestors 'none'</c>, and <c>X-Frame-Options: DENY</c> for older browsers).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>The CSP of an HTML page: the reports carry their styles inline and load nothing.</summary>
    public const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>Adds the headers to every response.</summary>
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            if (http.Response.ContentType?.StartsWith("text/html", StringComparison.OrdinalIgnoreCase) == true)
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
                headers.XFrameOptions = "DENY";
            }
            return Task.CompletedTask;
        });
        await next(http);
    });
}
