using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Chezlepro.Simulators.Http;

/// <summary>A self-signed server certificate for a simulated appliance, as PVE and PBS install by default.</summary>
public static class SelfSignedCertificate
{
    /// <summary>
    /// A certificate for <paramref name="hostName"/> and 127.0.0.1, valid from yesterday for a year, with its private
    /// key (reloaded from PKCS#12 so the TLS stack can use the key on every platform).
    /// </summary>
    public static X509Certificate2 Create(string hostName, TimeProvider? time = null)
    {
        var now = (time ?? TimeProvider.System).GetUtcNow();
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={hostName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(hostName);
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }
}
