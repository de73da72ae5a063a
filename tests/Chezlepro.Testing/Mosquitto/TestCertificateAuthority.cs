using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Chezlepro.Testing.Mosquitto;

/// <summary>
/// A throwaway CA for TLS tests: a root, a broker certificate for <c>localhost</c> / 127.0.0.1 and client
/// certificates, written as PEM files Mosquitto and the client can read. ECDSA P-256 keeps generation fast.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    private readonly X509Certificate2 _root;

    private TestCertificateAuthority(string directory, string name)
    {
        Directory = directory;
        var now = TimeProvider.System.GetUtcNow();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        _root = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        CaFile = Path.Combine(directory, $"{name}.crt");
        File.WriteAllText(CaFile, _root.ExportCertificatePem());
    }

    /// <summary>Folder holding the PEM files.</summary>
    public string Directory { get; }

    /// <summary>PEM file of the root certificate.</summary>
    public string CaFile { get; }

    /// <summary>Creates a CA in a new temporary folder.</summary>
    public static TestCertificateAuthority Create(string name = "test-ca") =>
        new(System.IO.Directory.CreateTempSubdirectory("test-ca-").FullName, name);

    /// <summary>Issues a server certificate for <c>localhost</c> and 127.0.0.1; returns (certificate file, key file).</summary>
    public (string CertificateFile, string KeyFile) IssueServer(string fileName = "server")
    {
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        return Issue("CN=localhost", fileName, serverAuth: true, san.Build());
    }

    /// <summary>Issues a client certificate with CN = <paramref name="commonName"/>; returns (certificate file, key file).</summary>
    public (string CertificateFile, string KeyFile) IssueClient(string commonName) =>
        Issue($"CN={commonName}", $"client-{commonName}", serverAuth: false, null);

    /// <summary>SHA-256 of a PEM certificate's DER bytes, as hex.</summary>
    public static string Sha256Of(string certificateFile)
    {
        using var cert = X509Certificate2.CreateFromPem(File.ReadAllText(certificateFile));
        return Convert.ToHexString(SHA256.HashData(cert.RawData));
    }

    private (string, string) Issue(string subject, string fileName, bool serverAuth, X509Extension? san)
    {
        var now = TimeProvider.System.GetUtcNow();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyAgreement, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        if (san is not null) request.CertificateExtensions.Add(san);
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7F;
        using var cert = request.Create(_root, now.AddDays(-1), now.AddDays(29), serial);
        var certFile = Path.Combine(Directory, $"{fileName}.crt");
        var keyFile = Path.Combine(Directory, $"{fileName}.key");
        File.WriteAllText(certFile, cert.ExportCertificatePem());
        File.WriteAllText(keyFile, key.ExportPkcs8PrivateKeyPem());
        return (certFile, keyFile);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _root.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
