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
    private readonly ApiHttpsOptions _https;
    private readonly ILogger<ApiCertificateSource> _logger;
    private readonly Lock _gate = new();
    private (FileStamp Certificate, FileStamp Key) _loadedStamp;
    private (FileStamp Certificate, FileStamp Key)? _failedStamp;
    private ServedCertificate? _current;

    /// <summary>Creates the source; nothing is read until <see cref="Current"/>.</summary>
    public ApiCertificateSource(IOptions<ApiOptions> options, ILogger<ApiCertificateSource> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _https = options.Value.Https;
        _logger = logger;
    }

    /// <summary>Whether <c>Api:Https:Url</c> is set.</summary>
    public bool Enabled => _https.Enabled;

    /// <summary>
    /// The certificate to present now, or null when HTTPS is off. Throws <see cref="CertificateFileException"/> only
    /// when no certificate was ever loaded (start-up validation has read the same files before).
    /// </summary>
    public ServedCertificate? Current()
    {
        if (!Enabled) return null;
        var stamp = (FileStamp.Of(_https.CertificatePath), FileStamp.Of(_https.KeyPath));
        lock (_gate)
        {
            if (_current is not null && stamp == _loadedStamp) return _current;
            if (_current is not null && stamp == _failedStamp) return _current;
            try
            {
                var next = CertificateFiles.Load(_https);
                HttpsLog.CertificateLoaded(_logger, _https.CertificatePath, next.Leaf.Subject, next.Leaf.Thumbprint, next.NotAfter, _current is not null);
                _current = next;
                _loadedStamp = stamp;
                _failedStamp = null;
            }
            catch (CertificateFileException ex)
            {
                if (_current is null) throw;
                _failedStamp = stamp;
                HttpsLog.ReloadFailed(_logger, _https.CertificatePath, _https.KeyPath, ex.Message, _current.Leaf.Thumbprint);
            }
            return _current;
        }
    }
}
