using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Chezlepro.Collector.Options;

namespace Chezlepro.Collector.Apis.Https;

/// <summary>
/// Reads <c>Api:Https</c>'s files: PEM (leaf first, then its chain; the key in <c>KeyPath</c> or in the same file,
/// encrypted when <c>Password</c> is set) or PKCS#12 (the entry with a private key is the leaf).
/// </summary>
public static class CertificateFiles
{
    private const string ServerAuthOid = "1.3.6.1.5.5.7.3.1";

    /// <summary>Loads the certificate; <see cref="CertificateFileException"/> says what is wrong (never the password).</summary>
    public static ServedCertificate Load(ApiHttpsOptions https)
    {
        ArgumentNullException.ThrowIfNull(https);
        if (string.IsNullOrWhiteSpace(https.CertificatePath)) throw new CertificateFileException("no certificate file is configured");
        try
        {
            var bytes = File.ReadAllBytes(https.CertificatePath);
            var (leaf, chain) = IsPem(bytes) ? FromPem(Encoding.UTF8.GetString(bytes), https) : FromPkcs12(bytes, https.Password);
            if (!AllowsServerAuth(leaf)) throw new CertificateFileException("the certificate's extended key usage does not allow server authentication");
            // Windows' SslStream refuses an ephemeral key (the PEM import): a PKCS#12 round trip gives it a persisted one.
            if (OperatingSystem.IsWindows()) leaf = X509CertificateLoader.LoadPkcs12(leaf.Export(X509ContentType.Pkcs12), null);
            return new ServedCertificate(leaf, SslStreamCertificateContext.Create(leaf, chain, offline: true));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException or ArgumentException)
        {
            throw new CertificateFileException(ex.Message, ex);
        }
    }

    private static bool IsPem(byte[] bytes) =>
        Encoding.ASCII.GetString(bytes, 0, Math.Min(bytes.Length, 4096)).Contains("-----BEGIN ", StringComparison.Ordinal);

    private static (X509Certificate2 Leaf, X509Certificate2Collection Chain) FromPem(string pem, ApiHttpsOptions https)
    {
        var keyPem = string.IsNullOrWhiteSpace(https.KeyPath) ? pem : File.ReadAllText(https.KeyPath);
        // Takes the first CERTIFICATE block and checks that the key is its key ("does not match" otherwise).
        var leaf = string.IsNullOrEmpty(https.Password)
            ? X509Certificate2.CreateFromPem(pem, keyPem)
            : X509Certificate2.CreateFromEncryptedPem(pem, keyPem, https.Password);
        var all = new X509Certificate2Collection();
        all.ImportFromPem(pem);
        var chain = new X509Certificate2Collection();
        foreach (var c in all.Skip(1)) chain.Add(c);
        return (leaf, chain);
    }

    private static (X509Certificate2 Leaf, X509Certificate2Collection Chain) FromPkcs12(byte[] bytes, string? password)
    {
        var all = X509CertificateLoader.LoadPkcs12Collection(bytes, password);
        var leaf = all.FirstOrDefault(c => c.HasPrivateKey) ?? throw new CertificateFileException("the PKCS#12 file holds no private key");
        var chain = new X509Certificate2Collection();
        foreach (var c in all.Where(c => !ReferenceEquals(c, leaf))) chain.Add(c);
        return (leaf, chain);
    }

    // As Kestrel checks it: no EKU extension allows every use; one that is present must name server authentication.
    private static bool AllowsServerAuth(X509Certificate2 leaf)
    {
        var usages = leaf.Extensions.OfType<X509EnhancedKeyUsageExtension>().ToList();
        return usages.Count == 0 || usages.Any(u => u.EnhancedKeyUsages.Cast<Oid>().Any(o => o.Value == ServerAuthOid));
    }
}
