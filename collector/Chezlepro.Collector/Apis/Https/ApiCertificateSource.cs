using Chezlepro.Collector.Options;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Chezlepro.Collector.Apis.Https;

/// <summary>
/// The certificate of <c>Api:Https</c>, read again when its files change: every TLS handshake (and every /metrics
/// render) looks at the files' stamps (<see cref="FileStamp"/>, no read), and only a changed stamp reads and parses
/// them. A change that does not give a usable certificate (certbot between writing the certificate and the key) is
/// logged once and the previous certificate is kept until the files change again. No timer, no watcher thread.
/// </summary>
public sealed class ApiCertificateSource
{
    private readonly IOptions<ApiOptions> _options;
    private readonly ILogger<ApiCertificateSource> _logger;
    private readonly Lock _gate = new();
    private (FileStamp Certificate, FileStamp Key) _loadedStamp;
    private (FileStamp Certificate, FileStamp Key)? _failedStamp;
    private ServedCertificate? _current;

    /// <summary>Creates the source; nothing is read until <see cref="Current"/>.</summary>
    public ApiCertificateSource(IOptions<ApiOptions> options, ILogger<ApiCertificateSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        _logger = logger;
    }

    /// <summary>Whether <c>Api:Https:Url</c> is set.</summary>
    public bool Enabled => Https.Enabled;

    // Read when first used (the host has validated the options by then), not when constructed.
    private ApiHttpsOptions Https => _options.Value.Https;

    /// <summary>
    /// The certificate to present now, or null when HTTPS is off. Throws <see cref="CertificateFileException"/> only
    /// when no certificate was ever loaded (start-up validation has read the same files before).
    /// </summary>
    public ServedCertificate? Current()
    {
        if (!Enabled) return null;
        var https = Https;
        var stamp = (FileStamp.Of(https.CertificatePath), FileStamp.Of(https.KeyPath));
        lock (_gate)
        {
            if (_current is not null && stamp == _loadedStamp) return _current;
            if (_current is not null && stamp == _failedStamp) return _current;
            try
            {
                var next = CertificateFiles.Load(https);
                HttpsLog.CertificateLoaded(_logger, https.CertificatePath, next.Leaf.Subject, next.Leaf.Thumbprint, next.NotAfter, _current is not null);
                _current = next;
                _loadedStamp = stamp;
                _failedStamp = null;
            }
            catch (CertificateFileException ex)
            {
                if (_current is null) throw;
                _failedStamp = stamp;
                HttpsLog.ReloadFailed(_logger, https.CertificatePath, https.KeyPath, ex.Message, _current.Leaf.Thumbprint);
            }
            return _current;
        }
    }
}
