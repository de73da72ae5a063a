using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Chezlepro.Collector.Apis.Https;

/// <summary>
/// The certificate the HTTPS endpoint presents: the leaf with its key and the context that sends its chain
/// (certbot's <c>fullchain.pem</c>: a browser needs the intermediate). Not disposed on reload: connections still
/// handshaking may hold it.
/// </summary>
/// <param name="Leaf">The server certificate, with its private key.</param>
/// <param name="Context">The leaf and the chain sent with it.</param>
public sealed record ServedCertificate(X509Certificate2 Leaf, SslStreamCertificateContext Context)
{
    /// <summary>When the leaf stops being valid.</summary>
    public DateTimeOffset NotAfter => new(Leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero);

    /// <summary>When the leaf starts being valid.</summary>
    public DateTimeOffset NotBefore => new(Leaf.NotBefore.ToUniversalTime(), TimeSpan.Zero);
}
