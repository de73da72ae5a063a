using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Chezlepro.Health.Http;

/// <summary>
/// Decides whether a server certificate is trusted: pinned by SHA-256 fingerprint (the norm for self-signed
/// Proxmox nodes, reference §1.1), chained to a CA file, or the system store. Remembers why it refused so
/// the caller can say it in one line.
/// </summary>
internal sealed class CertificateTrust
{
    private readonly HashSet<string> _pins;
    private readonly string? _caFile;
    private X509Certificate2Collection? _ca;
    private string? _lastRefusal;

    public CertificateTrust(IEnumerable<string> fingerprints, string? caFile)
    {
        _pins = new HashSet<string>(fingerprints.Select(Normalize).Where(p => p.Length > 0), StringComparer.Ordinal);
        _caFile = string.IsNullOrWhiteSpace(caFile) ? null : caFile;
    }

    /// <summary>Fingerprint without separators, upper case.</summary>
    public static string Normalize(string fingerprint) =>
        new(fingerprint.Where(Uri.IsHexDigit).Select(char.ToUpperInvariant).ToArray());

    /// <summary>True when <paramref name="fingerprint"/> is 32 bytes of hex, with or without separators.</summary>
    public static bool IsValidFingerprint(string fingerprint) =>
        Normalize(fingerprint).Length == 64 && fingerprint.All(c => Uri.IsHexDigit(c) || c is ':' or '-' or ' ');

    /// <summary>SHA-256 fingerprint in the <c>AB:CD:…</c> form PVE and PBS show.</summary>
    public static string Format(X509Certificate certificate)
    {
        var hash = SHA256.HashData(certificate.GetRawCertData());
        return string.Join(':', hash.Select(b => b.ToString("X2")));
    }

    /// <summary>Why the last certificate was refused, once.</summary>
    public string? TakeRefusal() => Interlocked.Exchange(ref _lastRefusal, null);

    public bool Validate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null)
            return Refuse("the server sent no certificate");
        if (_pins.Count > 0)
        {
            var seen = Format(certificate);
            return _pins.Contains(Normalize(seen))
                || Refuse($"certificate fingerprint mismatch: server presented SHA-256 {seen}, which is not the pinned CertificateFingerprint");
        }
        if (_caFile is not null)
            return ValidateAgainstCa(certificate, chain, errors);
        return errors == SslPolicyErrors.None
            || Refuse($"certificate not trusted ({errors}); set CertificateFingerprint or CaFile for a self-signed Proxmox certificate");
    }

    private bool ValidateAgainstCa(X509Certificate certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            return Refuse("certificate name does not match the host of the base URL");
        X509Certificate2Collection ca;
        try
        {
            ca = _ca ??= LoadCa(_caFile!);
        }
        catch (Exception ex) when (ex is IOException or CryptographicException or UnauthorizedAccessException)
        {
            return Refuse($"cannot read CaFile {_caFile}: {ex.Message}");
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
            foreach (var element in presented.ChainElements)
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
        var leaf = certificate as X509Certificate2 ?? X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        if (chain.Build(leaf))
            return true;
        var status = string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
        return Refuse($"certificate does not chain to CaFile {_caFile} ({status})");
    }

    private static X509Certificate2Collection LoadCa(string path)
    {
        var collection = new X509Certificate2Collection();
        collection.ImportFromPemFile(path);
        if (collection.Count == 0)
            throw new CryptographicException("no certificate in the file");
        return collection;
    }

    private bool Refuse(string reason)
    {
        _lastRefusal = reason;
        return false;
    }
}
