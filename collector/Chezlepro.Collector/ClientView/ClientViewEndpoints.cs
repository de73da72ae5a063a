using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Chezlepro.Collector.ClientView;

/// <summary>
/// <c>GET /client/</c> (contract.md): the read-only client view in French. A static page holding no data: browsers
/// send no bearer header on navigation, so the page asks for the client key or token and calls the JSON API with it.
/// Its files are embedded in the assembly and served with an ETag and <c>Cache-Control: no-cache</c>, so an upgrade
/// reaches every browser on its next visit; <c>SecurityHeaders</c> gives them their own CSP (<c>'self'</c> scripts,
/// styles and fetches, nothing else).
/// </summary>
public static class ClientViewEndpoints
{
    /// <summary>The path every file of the view is under.</summary>
    public const string Prefix = "/client";

    private static readonly Dictionary<string, ClientViewAsset> Assets = new[]
    {
        ClientViewAsset.Load("index.html", "text/html; charset=utf-8"),
        ClientViewAsset.Load("client.js", "text/javascript; charset=utf-8"),
        ClientViewAsset.Load("client.css", "text/css; charset=utf-8"),
    }.ToDictionary(a => a.Name, StringComparer.Ordinal);

    /// <summary>Maps <c>/client/</c> and its two files; open routes (the page holds no data).</summary>
    public static IEndpointRouteBuilder MapClientView(this IEndpointRouteBuilder app)
    {
        app.MapGet(Prefix + "/", (HttpContext http) =>
            // The page names its files relatively: without the slash they would resolve beside /client, not under it.
            http.Request.Path.Value?.EndsWith('/') == true ? Serve(http, Assets["index.html"]) : Results.Redirect(Prefix + "/"))
            .ExcludeFromDescription();
        app.MapGet(Prefix + "/{file}", (string file, HttpContext http) =>
            file != "index.html" && Assets.TryGetValue(file, out var asset) ? Serve(http, asset) : Results.NotFound())
            .ExcludeFromDescription();
        return app;
    }

    private static IResult Serve(HttpContext http, ClientViewAsset asset)
    {
        var headers = http.Response.Headers;
        headers.ETag = asset.ETag;
        headers.CacheControl = "no-cache";
        var known = http.Request.GetTypedHeaders().IfNoneMatch;
        if (known.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Compare(new EntityTagHeaderValue(asset.ETag), useStrongComparison: false)))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(asset.Bytes, asset.ContentType);
    }
}
