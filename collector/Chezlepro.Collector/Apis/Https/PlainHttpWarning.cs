using System.Net;
using Chezlepro.Collector.Options;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Apis.Https;

/// <summary>
/// Once at start: a warning when keys (or tokens) are configured, <c>Collector:Urls</c> listens beyond loopback over
/// plain HTTP, and neither an HTTPS endpoint nor a trusted proxy is configured (reader and operator keys then travel in
/// clear on the network).
/// </summary>
internal sealed class PlainHttpWarning : IHostedService
{
    private readonly IOptions<ApiOptions> _api;
    private readonly IOptions<CollectorOptions> _collector;
    private readonly ILogger<PlainHttpWarning> _logger;

    public PlainHttpWarning(IOptions<ApiOptions> api, IOptions<CollectorOptions> collector, ILogger<PlainHttpWarning> logger)
    {
        _api = api;
        _collector = collector;
        _logger = logger;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (ShouldWarn(_api.Value, _collector.Value.Urls)) HttpsLog.PlainHttpExposed(_logger, _collector.Value.Urls);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The rule of the warning.</summary>
    public static bool ShouldWarn(ApiOptions api, string urls) =>
        (api.Keys.Count > 0 || api.Oidc.Enabled) && !api.Https.Enabled && api.TrustedProxies.Count == 0 && ListensBeyondLoopback(urls);

    private static bool ListensBeyondLoopback(string urls) =>
        urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(url =>
        {
            try
            {
                var address = BindingAddress.Parse(url);
                if (!string.Equals(address.Scheme, "http", StringComparison.OrdinalIgnoreCase) || address.IsNamedPipe || address.Host.StartsWith("unix:", StringComparison.OrdinalIgnoreCase)) return false;
                if (string.Equals(address.Host, "localhost", StringComparison.OrdinalIgnoreCase)) return false;
                return !IPAddress.TryParse(address.Host.Trim('[', ']'), out var ip) || !IPAddress.IsLoopback(ip);
            }
            catch (FormatException)
            {
                return false;
            }
        });
}
