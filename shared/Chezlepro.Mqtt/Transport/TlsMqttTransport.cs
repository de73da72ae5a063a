using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging;

namespace Chezlepro.Mqtt.Transport;

/// <summary>
/// MQTT over TLS (§4.2, §5.1: port 8883) with SslStream: TLS 1.2 minimum, chain checked against a CA file or the
/// system store, host name checked, optional SHA-256 pin, optional client certificate (mutual TLS).
/// </summary>
internal sealed class TlsMqttTransport(string host, int port, MqttTlsOptions tls, ILogger logger) : IMqttTransport
{
    private readonly TcpMqttTransport _tcp = new(host, port);
    private SslStream? _ssl;

    public async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var caCertificates = LoadCa();
        var clientCertificate = LoadClientCertificate();
        await _tcp.ConnectAsync(cancellationToken);
        var ssl = new SslStream(new NetworkStream(_tcp.Socket, ownsSocket: false), leaveInnerStreamOpen: false);
        var rejection = (string?)null;
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = tls.TargetHost ?? host,
            // TLS 1.2 minimum; 1.0/1.1 are deprecated (RFC 8996).
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            // A small private CA publishes no CRL or OCSP responder; revocation is by re-issuing the broker's CA file.
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            ClientCertificates = clientCertificate is null ? null : [clientCertificate],
            RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
            {
                rejection = Verify(certificate as X509Certificate2 ?? (certificate is null ? null : new X509Certificate2(certificate)), errors, caCertificates);
                if (rejection is not null) MqttLog.TlsCertificateRejected(logger, host, port, rejection);
                return rejection is null;
            },
        };
        try
        {
            await ssl.AuthenticateAsClientAsync(options, cancellationToken);
        }
        catch (AuthenticationException ex)
        {
            await ssl.DisposeAsync();
            throw new TlsSetupException($"TLS handshake with {host}:{port} failed: {rejection ?? ex.Message}", ex);
        }
        _ssl = ssl;
    }

    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken) => Ssl.ReadAsync(buffer, cancellationToken);

    public ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken) => Ssl.WriteAsync(buffer, cancellationToken);

    public void Abort() => _tcp.Abort();

    public async ValueTask DisposeAsync()
    {
        if (_ssl is not null) await _ssl.DisposeAsync();
        await _tcp.DisposeAsync();
    }

    /// <summary>Accepts hex with or without colons; 32 bytes.</summary>
    public static bool TryParsePin(string text, out byte[] pin)
    {
        pin = [];
        var hex = text.Replace(":", "", StringComparison.Ordinal).Trim();
        if (hex.Length != 64 || !hex.All(Uri.IsHexDigit)) return false;
        pin = Convert.FromHexString(hex);
        return true;
    }

    private string? Verify(X509Certificate2? certificate, SslPolicyErrors errors, X509Certificate2Collection? ca)
    {
        if (tls.SkipCertificateValidation) return null;
        if (certificate is null) return "the server sent no certificate";
        // Name checks stay on whatever the trust source: a valid certificate for another host is still the wrong host.
        if (errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
            return $"certificate subject '{certificate.Subject}' does not match host name '{tls.TargetHost ?? host}'";
        if (tls.PinnedSha256 is { } pinText)
        {
            if (!TryParsePin(pinText, out var pin)) return "Mqtt:Tls:PinnedSha256 is not 32 hex bytes";
            var actual = SHA256.HashData(certificate.RawData);
            if (!CryptographicOperations.FixedTimeEquals(actual, pin))
                return $"certificate SHA-256 {Convert.ToHexString(actual)} does not match the pinned value";
            if (tls.PinOnly) return null;
        }
        if (ca is null)
            return errors == SslPolicyErrors.None ? null : $"certificate not trusted by the system store ({errors})";
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain.Build(certificate)) return null;
        return "certificate not signed by the configured CA file: " +
            string.Join("; ", chain.ChainStatus.Select(s => s.StatusInformation.Trim()));
    }

    private X509Certificate2Collection? LoadCa()
    {
        if (tls.CaFile is null) return null;
        var ca = new X509Certificate2Collection();
        try
        {
            ca.ImportFromPemFile(tls.CaFile);
        }
        catch (Exception ex) when (ex is IOException or CryptographicException or UnauthorizedAccessException)
        {
            throw new TlsSetupException($"cannot read Mqtt:Tls:CaFile '{tls.CaFile}': {ex.Message}", ex);
        }
        return ca.Count > 0 ? ca : throw new TlsSetupException($"Mqtt:Tls:CaFile '{tls.CaFile}' holds no PEM certificate");
    }

    private X509Certificate2? LoadClientCertificate()
    {
        if (tls.CertificateFile is null) return null;
        try
        {
            using var pem = X509Certificate2.CreateFromPemFile(tls.CertificateFile, tls.KeyFile);
            // An ephemeral PEM key is refused by SChannel on Windows; a PKCS#12 round trip gives a usable one everywhere.
            return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is IOException or CryptographicException or UnauthorizedAccessException)
        {
            throw new TlsSetupException($"cannot load the client certificate '{tls.CertificateFile}' / key '{tls.KeyFile}': {ex.Message}", ex);
        }
    }

    private SslStream Ssl => _ssl ?? throw new InvalidOperationException("not connected");
}

/// <summary>TLS cannot be set up as configured (bad CA, name, pin, key file): retrying will not help.</summary>
internal sealed class TlsSetupException : MqttConnectException
{
    public TlsSetupException(string message)
        : base(message)
    {
    }

    public TlsSetupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
