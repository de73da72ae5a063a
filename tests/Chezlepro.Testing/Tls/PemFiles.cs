using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Chezlepro.Testing.Tls;

/// <summary>Writes a test certificate as a server's files: the certificate PEM and its private key PEM (PKCS#8), or a PKCS#12.</summary>
public static class PemFiles
{
    /// <summary>Writes <paramref name="certificate"/> to <paramref name="certificatePath"/> and its key to <paramref name="keyPath"/>.</summary>
    public static void Write(X509Certificate2 certificate, string certificatePath, string keyPath)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        File.WriteAllText(certificatePath, certificate.ExportCertificatePem());
        File.WriteAllText(keyPath, KeyPem(certificate));
    }

    /// <summary>The private key of <paramref name="certificate"/> as PKCS#8 PEM (ECDSA or RSA).</summary>
    public static string KeyPem(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using AsymmetricAlgorithm key = (AsymmetricAlgorithm?)certificate.GetECDsaPrivateKey() ?? certificate.GetRSAPrivateKey()
            ?? throw new ArgumentException("the certificate has no ECDSA or RSA private key", nameof(certificate));
        return key.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>Writes <paramref name="certificate"/> with its key as PKCS#12 protected by <paramref name="password"/>.</summary>
    public static void WritePkcs12(X509Certificate2 certificate, string path, string password)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, password));
    }
}
