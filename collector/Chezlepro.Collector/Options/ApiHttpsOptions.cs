namespace Chezlepro.Collector.Options;

/// <summary>
/// <c>Api:Https</c>: an HTTPS endpoint served by the collector itself, beside <c>Collector:Urls</c>. Off while
/// <see cref="Url"/> is empty. The certificate files are read again when they change (certbot renews in place).
/// </summary>
public sealed class ApiHttpsOptions
{
    /// <summary>Where the HTTPS endpoint listens, e.g. <c>https://0.0.0.0:8443</c>.</summary>
    public string? Url { get; set; }

    /// <summary>The certificate: PEM (the leaf first, then its chain, as certbot's <c>fullchain.pem</c>) or PKCS#12 (<c>.pfx</c>).</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The PEM private key (certbot's <c>privkey.pem</c>); empty for a PKCS#12 file or a PEM file holding the key too.</summary>
    public string? KeyPath { get; set; }

    /// <summary>The PKCS#12 password or the encrypted PEM key's password (secret: never logged).</summary>
    public string? Password { get; set; }

    /// <summary>Whether the HTTPS endpoint is configured.</summary>
    public bool Enabled => !string.IsNullOrWhiteSpace(Url);
}
