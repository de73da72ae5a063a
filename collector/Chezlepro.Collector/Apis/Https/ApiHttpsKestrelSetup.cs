using Chezlepro.Collector.Options;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Apis.Https;

/// <summary>
/// Gives Kestrel's HTTPS endpoints (<c>Api:Https:Url</c>, bound through the URLs) the certificate of
/// <see cref="ApiCertificateSource"/>, looked up at each handshake so that a renewed certificate is served
/// without a restart.
/// </summary>
internal sealed class ApiHttpsKestrelSetup : IConfigureOptions<KestrelServerOptions>
{
    private readonly ApiCertificateSource _certificates;
    private readonly IConfiguration _configuration;

    public ApiHttpsKestrelSetup(ApiCertificateSource certificates, IConfiguration configuration)
    {
        _certificates = certificates;
        _configuration = configuration;
    }

    public void Configure(KestrelServerOptions options)
    {
        // Kestrel's options are made while the app is built, before the host validates Api: the raw value here, the
        // validated options only at the first handshake.
        if (string.IsNullOrWhiteSpace(_configuration[$"{ApiOptions.SectionName}:Https:Url"])) return;
        options.ConfigureHttpsDefaults(https =>
        {
            // Kestrel wants a certificate or a selector before it binds an HTTPS address; the selector alone would send
            // the leaf without its chain, so OnAuthenticate replaces it with the context that carries the chain.
            https.ServerCertificateSelector = (_, _) => _certificates.Current()?.Leaf;
            https.OnAuthenticate = (_, ssl) =>
            {
                if (_certificates.Current() is not { } served) return;
                ssl.ServerCertificateSelectionCallback = null;
                ssl.ServerCertificate = null;
                ssl.ServerCertificateContext = served.Context;
            };
        });
    }
}
