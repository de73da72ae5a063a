using Chezlepro.Hosting.Configuration;
using System.Text.RegularExpressions;
using Chezlepro.Health.Http;

namespace Chezlepro.Agent.Sources.Proxmox;

/// <summary>
/// The connection keys shared by the proxmox, pbs and ceph (proxmox-api) sources: <c>BaseUrl</c> /
/// <c>BaseUrls</c>, <c>TokenId</c>, <c>TokenSecret</c>, <c>CertificateFingerprint</c> /
/// <c>CertificateFingerprints</c>, <c>CaFile</c>, <c>Timeout</c>.
/// </summary>
internal static partial class ApiConnection
{
    [GeneratedRegex(@"^[^@\s!]+@[^@\s!]+![A-Za-z0-9][A-Za-z0-9._-]*$")]
    private static partial Regex TokenIdPattern();

    public static bool IsConfigured(SourceKeys keys) => keys.List("BaseUrl", "BaseUrls").Count > 0;

    public static ApiClientOptions Parse(SourceKeys keys)
    {
        var urls = new List<Uri>();
        var raw = keys.List("BaseUrl", "BaseUrls");
        if (raw.Count == 0)
            keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("BaseUrl")} is required (for example https://pve1:8006); BaseUrls lists more nodes of the same cluster",
                "est requis (par exemple https://pve1:8006)\u00a0; BaseUrls énumère d’autres nœuds de la même grappe"));
        foreach (var value in raw)
            if (keys.Url("BaseUrl", value, "https") is { } uri)
                urls.Add(uri);
        var tokenId = keys.Required("TokenId");
        if (tokenId.Length > 0 && !TokenIdPattern().IsMatch(tokenId))
            keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("TokenId")}: '{tokenId}' must read <user>@<realm>!<tokenid>, for example monitor@pve!agent",
                "doit avoir la forme <utilisateur>@<domaine>!<jeton>, par exemple monitor@pve!agent"));
        var secret = keys.Required("TokenSecret", secret: true);
        var pins = keys.List("CertificateFingerprint", "CertificateFingerprints");
        foreach (var pin in pins.Where(p => !ApiClientOptions.IsValidFingerprint(p)))
            keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("CertificateFingerprint")}: '{pin}' must be a SHA-256 fingerprint, 32 hex bytes as AB:CD:…",
                "doit être une empreinte SHA-256, 32 octets hexadécimaux comme AB:CD:…"));
        var timeout = keys.Time("Timeout", TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5));
        // A poll that outlives its interval is cancelled by the runner: the timeout must fit inside it.
        if (keys.Definition.Interval > TimeSpan.Zero && timeout >= keys.Definition.Interval)
            keys.Errors.Add(ValidationText.Of($"{keys.Definition.Key("Timeout")}: {timeout} must be shorter than {keys.Definition.Key("Interval")} ({keys.Definition.Interval})", "doit être plus court que l’intervalle"));
        return new ApiClientOptions
        {
            BaseUrls = urls,
            TokenId = tokenId,
            TokenSecret = secret,
            CertificateFingerprints = pins,
            CaFile = keys.String("CaFile"),
            Timeout = timeout,
        };
    }
}
