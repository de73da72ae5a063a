using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Simulators.Http;

/// <summary>
/// An HTTP or HTTPS server on 127.0.0.1 (Kestrel, any free port) that answers fixed bodies per path: enough of
/// pveproxy / proxmox-backup-proxy to replay recorded answers, or a plain web page for a service probe. While
/// <see cref="Available"/> is false every request gets 503, as a service in an outage behind its proxy does.
/// </summary>
public sealed class FixtureHttpServer : IAsyncDisposable
{
    private const string ApiPrefix = "/api2/json/";
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, (string ContentType, byte[] Body)> _routes = new(StringComparer.Ordinal);
    private volatile bool _available = true;

    private FixtureHttpServer(WebApplication app, X509Certificate2? certificate)
    {
        _app = app;
        Certificate = certificate;
    }

    /// <summary>The certificate served (null for plain HTTP).</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>SHA-256 fingerprint of <see cref="Certificate"/> as PVE and PBS show it (<c>AB:CD:…</c>), for a client to pin.</summary>
    public string? CertificateFingerprint => Certificate is null
        ? null
        : string.Join(':', System.Security.Cryptography.SHA256.HashData(Certificate.RawData).Select(b => b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture)));

    /// <summary>The loopback port.</summary>
    public int Port { get; private set; }

    /// <summary>Where a client should point: <c>https://127.0.0.1:port</c> with a certificate, <c>http://…</c> without.</summary>
    public Uri BaseUrl => new($"{(Certificate is null ? "http" : "https")}://127.0.0.1:{Port}");

    /// <summary>False: every request answers 503 (a simulated outage); true again restores the routes.</summary>
    public bool Available
    {
        get => _available;
        set => _available = value;
    }

    /// <summary>How many requests were answered (any status).</summary>
    public long Requests => Interlocked.Read(ref _requests);

    private long _requests;

    /// <summary>Starts listening on a free loopback port; HTTPS with <paramref name="certificate"/>, plain HTTP without.</summary>
    public static async Task<FixtureHttpServer> StartAsync(X509Certificate2? certificate, CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null) listen.UseHttps(certificate);
        }));
        var app = builder.Build();
        var server = new FixtureHttpServer(app, certificate);
        app.Run(server.AnswerAsync);
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.Port = new Uri(address).Port;
        return server;
    }

    /// <summary>
    /// Answers <paramref name="path"/> with <paramref name="body"/> from now on. A PVE/PBS path is given below
    /// <c>/api2/json/</c> (<c>cluster/status</c>); a query, when given (<c>…/snapshots?ns=site-a</c>), must match
    /// exactly, else the path without query answers. The empty path is the site root.
    /// </summary>
    public FixtureHttpServer On(string path, byte[] body, string contentType = "application/json;charset=UTF-8")
    {
        ArgumentNullException.ThrowIfNull(path);
        _routes[path] = (contentType, body);
        return this;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
    }

    private async Task AnswerAsync(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        var response = context.Response;
        if (!_available)
        {
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            await response.WriteAsync("503 Service Unavailable (simulated outage)\n", context.RequestAborted).ConfigureAwait(false);
            return;
        }
        var raw = context.Request.Path.Value ?? "/";
        var path = raw.StartsWith(ApiPrefix, StringComparison.Ordinal) ? raw[ApiPrefix.Length..] : raw.TrimStart('/');
        var query = context.Request.QueryString.HasValue ? Uri.UnescapeDataString(context.Request.QueryString.Value![1..]) : "";
        if ((query.Length > 0 && _routes.TryGetValue(path + "?" + query, out var route)) || _routes.TryGetValue(path, out route))
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = route.ContentType;
            response.ContentLength = route.Body.Length;
            await response.Body.WriteAsync(route.Body, context.RequestAborted).ConfigureAwait(false);
            return;
        }
        // pveproxy's answer to an unknown path.
        response.StatusCode = StatusCodes.Status404NotFound;
        response.ContentType = "application/json;charset=UTF-8";
        await response.WriteAsync("{\"data\":null}", context.RequestAborted).ConfigureAwait(false);
    }
}
