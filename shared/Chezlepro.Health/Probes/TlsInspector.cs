using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Chezlepro.Health.Probes;

/// <summary>
/// Certificate validation for probes: remembers the server certificate's end date and says in plain words
/// why it refused (expired is checked against the injected clock, so tests can move time).
/// </summary>
internal sealed class TlsInspector(TimeProvider time, string? caFile)
{
    private X509Certificate2Collection? _ca;

    public DateTimeOffset? NotAfter { get; private set; }

    public HealthText? Refusal { get; private set; }

    public void Reset()
    {
        NotAfter = null;
        Refusal = null;
    }

    public bool Validate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
            return Refuse(HealthText.Of($"aucun certificat serveur", $"no server certificate"));
        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        NotAfter = new DateTimeOffset(leaf.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var now = time.GetUtcNow();
        if (NotAfter < now)
            return Refuse(HealthText.Of($"certificat TLS expiré le {NotAfter:yyyy-MM-dd}", $"TLS certificate expired on {NotAfter:yyyy-MM-dd}"));
        if (leaf.NotBefore.ToUniversalTime() > now.UtcDateTime)
            return Refuse(HealthText.Of($"certificat TLS non valide avant le {leaf.NotBefore.ToUniversalTime():yyyy-MM-dd}",
                $"TLS certificate not valid before {leaf.NotBefore.ToUniversalTime():yyyy-MM-dd}"));
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            return Refuse(HealthText.Of($"le nom du certificat TLS ne correspond pas à l’hôte", $"TLS certificate name does not match the host"));
        if (errors == SslPolicyErrors.None)
            return true;
        if (caFile is null)
            return Refuse(HealthText.Of($"certificat TLS non fiable ({errors})", $"TLS certificate not trusted ({errors})"));
        _ca ??= LoadCa(caFile);
        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_ca);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        custom.ChainPolicy.VerificationTime = now.UtcDateTime;
        if (chain is not null)
            foreach (var element in chain.ChainElements)
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
        return custom.Build(leaf) || Refuse(HealthText.Of($"le certificat TLS ne remonte pas à CaFile", $"TLS certificate does not chain to CaFile"));
    }

    private static X509Certificate2Collection LoadCa(string path)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(path);
        return collection;
    }

    private bool Refuse(HealthText reason)
    {
        Refusal = reason;
        return false;
    }
}
